/**
 * Telephony internals: settings, call records, the VAPI webhook inbox and message handling, assistant tools, the
 * outbound call queue and its worker, the do-not-call list.
 */
package com.zorahai.telephony.internal;
