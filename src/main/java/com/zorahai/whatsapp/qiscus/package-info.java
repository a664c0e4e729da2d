/** The Qiscus adapter, deprecated: inbound webhooks and text sends through the bot API only. */
package com.zorahai.whatsapp.qiscus;
