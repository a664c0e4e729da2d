/**
 * Email: the outbox and its SendGrid sender for outbound mail, and SendGrid Inbound Parse for inbound mail.
 */
@ApplicationModule
package com.zorahai.email;

import org.springframework.modulith.ApplicationModule;
