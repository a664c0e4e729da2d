/**
 * How analytics events are recorded (one listener per source module, one recorder, idempotent on the source event),
 * read back as summaries and time series, grouped into unanswered questions, and reported daily.
 */
package com.zorahai.analytics.internal;
