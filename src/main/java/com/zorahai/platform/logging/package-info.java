/**
 * Logging setup: plain lines for humans by default, structured JSON when {@code JSON_LOGS=true}.
 */
package com.zorahai.platform.logging;
