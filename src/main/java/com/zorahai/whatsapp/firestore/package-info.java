/**
 * The Firestore copy of WhatsApp conversations ({@code conversations}) and per-day counters
 * ({@code dashboardMetrics}), on when {@code zorah.whatsapp.store=firestore}.
 */
package com.zorahai.whatsapp.firestore;
