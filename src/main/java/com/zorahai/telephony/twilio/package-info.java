/**
 * Twilio through its SDK: searching, buying and releasing phone numbers, and regulatory addresses.
 */
package com.zorahai.telephony.twilio;
