/** The Meta WhatsApp Cloud API adapter (graph.facebook.com). */
package com.zorahai.whatsapp.meta;
