/** The MontyMobile adapter: session and template sends with the {@code Tenant} and {@code api-key} headers. */
package com.zorahai.whatsapp.montymobile;
