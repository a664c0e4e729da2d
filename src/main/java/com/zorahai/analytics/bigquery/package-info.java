/** The export of analytics events to each tenant's BigQuery dataset, in batches with insert ids. */
package com.zorahai.analytics.bigquery;
