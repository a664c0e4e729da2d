/** The 360dialog adapter: the Cloud API format behind a {@code D360-API-KEY}, with a sandbox switch. */
package com.zorahai.whatsapp.dialog360;
