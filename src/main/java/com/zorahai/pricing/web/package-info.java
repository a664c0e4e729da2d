/** The pricing API: stay and flight lookups, rate and fare management, CSV imports. */
package com.zorahai.pricing.web;
