/**
 * The inbound email endpoints: the SendGrid Inbound Parse webhooks, a decoding check for admins, and the staff API
 * that lists and reads the tenant's inbound emails.
 */
package com.zorahai.email.inbound.web;
