/**
 * The WhatsApp channel: provider adapters (Meta Cloud API, 360dialog, MontyMobile, Qiscus, and a local sandbox),
 * webhook intake with signature checks and deduplication, conversations with their customer-service window, and an
 * outbox for every outbound message.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity"})
package com.zorahai.whatsapp;

import org.springframework.modulith.ApplicationModule;
