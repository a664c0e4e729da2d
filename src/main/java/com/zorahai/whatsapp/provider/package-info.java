/**
 * The provider port of the WhatsApp channel and what its adapters share: the Cloud API webhook and message formats
 * (Meta, 360dialog and MontyMobile all speak them) and the mapping of provider errors to outcomes.
 */
package com.zorahai.whatsapp.provider;
