package com.zorahai.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsPolicyTests {

    @Test
    void overridableFieldsPass() {
        assertThat(SettingsPolicy.check(Map.of("currency", "EUR", "features", List.of("crm"), "email", Map.of(
                "from_name", "X"), "banking", Map.of("iban", "DE89370400440532013000")))).isEmpty();
    }

    @Test
    void secretsAndRoutingFieldsCannotBeChanged() {
        assertThat(SettingsPolicy.check(Map.of("email", Map.of("sendgrid_api_key", "SG.x", "inbound_address",
                "a@b.io"), "whatsapp", Map.of("phone_number_id", "1"))))
                .extracting(ConfigError::field, ConfigError::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("email.sendgrid_api_key",
                                "cannot be changed through the API"),
                        org.assertj.core.groups.Tuple.tuple("email.inbound_address",
                                "cannot be changed through the API"),
                        org.assertj.core.groups.Tuple.tuple("whatsapp", "cannot be changed through the API"));
    }

    @Test
    void unknownFieldsAndBadShapesAreNamed() {
        assertThat(SettingsPolicy.check(Map.of("colour", "red", "email", "x", "currency", Map.of("a", "b"))))
                .extracting(ConfigError::field)
                .containsExactlyInAnyOrder("colour", "email", "currency");
    }
}
