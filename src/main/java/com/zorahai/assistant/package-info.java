/**
 * The WhatsApp assistant of clinics: answers each customer message in the customer's language from the clinic's
 * knowledge, books, cancels and moves appointments, reads photos and voice notes when OpenAI is configured, and hands
 * the conversation to a person when asked or when it cannot help. Publishes what it did as events for analytics.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity", "crm", "whatsapp", "booking",
        "knowledge", "ai", "email"})
package com.zorahai.assistant;

import org.springframework.modulith.ApplicationModule;
