/**
 * Thymeleaf for templates that tenants write: rendered from their own text, with no access to Java types, beans or
 * request objects.
 */
package com.zorahai.platform.templates;
