/** The WhatsApp webhooks and the dashboard API. */
package com.zorahai.whatsapp.web;
