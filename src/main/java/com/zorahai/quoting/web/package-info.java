/**
 * The quotes API under {@code /api/v1/quotes} and the public accept page under {@code /public/quotes/accept}. JSON
 * fields are snake_case.
 */
package com.zorahai.quoting.web;
