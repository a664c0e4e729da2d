/**
 * The invoices API under {@code /api/v1/invoices}.
 */
package com.zorahai.invoicing.web;
