/** The analytics API of the dashboard: summary, time series, unanswered questions, report settings and log. */
package com.zorahai.analytics.web;
