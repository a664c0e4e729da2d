/**
 * Telephony: phone numbers bought through Twilio and answered by VAPI voice assistants, call webhooks, call
 * records, and the outbound call queue with calling hours and a do-not-call list.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "crm", "tickets"})
package com.zorahai.telephony;

import org.springframework.modulith.ApplicationModule;
