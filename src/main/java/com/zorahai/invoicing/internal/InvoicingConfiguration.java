package com.zorahai.invoicing.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the cipher travellers' personal data is encrypted with.
 */
@Configuration(proxyBeanMethods = false)
class InvoicingConfiguration {

    @Bean
    FieldCipher travelerCipher(InvoicingProperties properties) {
        return new FieldCipher(DataKeys.from(properties.dataKey()));
    }
}
