/**
 * VAPI's REST API: importing Twilio numbers, pointing them at the call webhook, assigning assistants, placing
 * outbound calls.
 */
package com.zorahai.telephony.vapi;
