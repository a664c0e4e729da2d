/**
 * Health probes: {@code /health} (status and version), {@code /health/live} and {@code /health/ready}.
 */
package com.zorahai.platform.health;
