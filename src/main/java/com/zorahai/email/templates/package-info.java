/**
 * Renders outbound emails from Thymeleaf templates (the tenant's own first, the shipped default second) into HTML
 * and a plain-text alternative.
 */
package com.zorahai.email.templates;
