/**
 * The dashboard API of outbound email: list, read and retry the tenant's emails.
 */
package com.zorahai.email.web;
