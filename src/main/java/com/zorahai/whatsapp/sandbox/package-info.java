/** The local default provider: records what it would send, so the whole bot runs without a WhatsApp account. */
package com.zorahai.whatsapp.sandbox;
