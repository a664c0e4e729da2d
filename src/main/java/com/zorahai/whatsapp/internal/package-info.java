/** Persistence, webhook intake, provider selection, the outbox and its worker, media downloads. */
package com.zorahai.whatsapp.internal;
