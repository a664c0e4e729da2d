/** The local extractor: email cleaning, then patterns and word lists for every field. */
package com.zorahai.ai.rules;
