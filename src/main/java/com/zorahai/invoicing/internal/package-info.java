/**
 * Invoice rules, persistence, encryption of travellers' personal data, documents, reminders and event handling.
 */
package com.zorahai.invoicing.internal;
