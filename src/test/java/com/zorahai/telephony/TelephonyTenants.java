package com.zorahai.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test tenants with voice settings, written as an operator would: a {@code tenants} row and a
 * {@code tenant_settings} row with the {@code voice} section.
 */
public final class TelephonyTenants {

    public static final String SECRET_PREFIX = "vapi-secret-";

    private TelephonyTenants() {
    }

    /** A fresh tenant id. */
    public static String newId() {
        return "tel-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A tenant with assistants {@code inbound}, {@code after_hours} and {@code outbound} and a webhook secret. */
    public static String create(JdbcClient jdbc, String zone) {
        String id = newId();
        Map<String, String> assistants = new LinkedHashMap<>();
        assistants.put("inbound", "asst-inbound-" + id);
        assistants.put("after_hours", "asst-after-" + id);
        assistants.put("outbound", "asst-outbound-" + id);
        create(jdbc, id, zone, assistants, SECRET_PREFIX + id);
        return id;
    }

    public static void create(JdbcClient jdbc, String id, String zone, Map<String, String> assistants,
            String secret) {
        Map<String, Object> voice = new LinkedHashMap<>();
        voice.put("assistant_ids", assistants);
        if (secret != null) {
            voice.put("webhook_secret", secret);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timezone", zone);
        settings.put("voice", voice);
        jdbc.sql("insert into tenants (id, name, features) values (?, ?, '[\"voice\",\"crm\"]'::jsonb)")
                .params(id, "Voice " + id)
                .update();
        jdbc.sql("insert into tenant_settings (tenant_id, settings) values (?, ?::jsonb)")
                .params(id, JsonMapper.builder().build().writeValueAsString(settings))
                .update();
    }

    public static String secretOf(String tenant) {
        return SECRET_PREFIX + tenant;
    }
}
