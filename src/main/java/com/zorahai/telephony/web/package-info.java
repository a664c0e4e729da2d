/**
 * Telephony's HTTP side: the VAPI webhook and the staff API for numbers, addresses, settings, calls, the call queue
 * and the do-not-call list.
 */
package com.zorahai.telephony.web;
