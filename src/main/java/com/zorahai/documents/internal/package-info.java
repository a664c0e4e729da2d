/**
 * Template rendering for documents: the model written out for people, Thymeleaf, jsoup and openhtmltopdf with
 * embedded fonts and no outside resources.
 */
package com.zorahai.documents.internal;
