package com.zorahai.email.templates;

/**
 * A rendered email body: the HTML and its plain-text alternative.
 */
public record RenderedEmail(String html, String text) {
}
