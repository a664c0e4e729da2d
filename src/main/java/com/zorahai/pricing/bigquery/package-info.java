/** Hotel rates and flight prices read from BigQuery with parameterised queries. */
package com.zorahai.pricing.bigquery;
