/**
 * The documents API under {@code /api/v1/documents}: previews of document templates as PDF.
 */
package com.zorahai.documents.web;
