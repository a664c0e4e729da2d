package com.zorahai.assistant.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's assistant switches: whether the bot answers, who is told by email when a conversation is handed over,
 * and after how many failures in a row it hands over. A tenant that never saved any gets the defaults:
 * {@code zorah.assistant.bot-enabled-by-default} (on), nobody emailed, {@code zorah.assistant.max-failures}.
 */
@Service("assistantSettings")
public class AssistantSettings {

    static final int MAX_EMAILS = 20;
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final AssistantProperties properties;

    AssistantSettings(JdbcClient jdbc, AssistantProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The settings as they apply.
     *
     * @param updatedAt null while the tenant runs on the defaults
     */
    public record Settings(boolean botEnabled, List<String> handoverEmails, int maxFailures, Instant updatedAt) {

        public Settings {
            handoverEmails = List.copyOf(handoverEmails);
        }
    }

    /** A change; null fields are required and reported as such. */
    public record Change(Boolean botEnabled, List<String> handoverEmails, Integer maxFailures) {
    }

    public Settings get(TenantId tenant) {
        return find(tenant).orElseGet(() -> new Settings(properties.botEnabledByDefault(), List.of(),
                properties.maxFailures(), null));
    }

    private Optional<Settings> find(TenantId tenant) {
        return jdbc.sql("""
                select bot_enabled, handover_emails::text as emails, max_failures, updated_at
                  from assistant_settings where tenant_id = :tenant""")
                .param("tenant", tenant.value())
                .query((rs, row) -> new Settings(rs.getBoolean("bot_enabled"),
                        JSON.readValue(rs.getString("emails"), STRINGS), rs.getInt("max_failures"),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Replaces the settings; a 400 problem naming the field for a missing or invalid value. */
    public Settings put(TenantId tenant, Change change, UUID userId) {
        if (change == null || change.botEnabled() == null) {
            throw ProblemException.invalidField("bot_enabled", "is required");
        }
        if (change.maxFailures() == null) {
            throw ProblemException.invalidField("max_failures", "is required");
        }
        if (change.maxFailures() < 1 || change.maxFailures() > 10) {
            throw ProblemException.invalidField("max_failures", "must be between 1 and 10");
        }
        List<String> emails = emails(change.handoverEmails());
        jdbc.sql("""
                insert into assistant_settings (tenant_id, bot_enabled, handover_emails, max_failures, updated_by,
                                                updated_at)
                values (:tenant, :enabled, cast(:emails as jsonb), :max, :user, now())
                on conflict (tenant_id) do update
                   set bot_enabled = excluded.bot_enabled, handover_emails = excluded.handover_emails,
                       max_failures = excluded.max_failures, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at""")
                .param("tenant", tenant.value())
                .param("enabled", change.botEnabled())
                .param("emails", JSON.writeValueAsString(emails))
                .param("max", change.maxFailures())
                .param("user", userId == null ? null : userId.toString())
                .update();
        return get(tenant);
    }

    private static List<String> emails(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_EMAILS) {
            throw ProblemException.invalidField("handover_emails", "at most " + MAX_EMAILS + " addresses");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i) == null ? "" : given.get(i).trim();
            if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
                throw ProblemException.invalidField("handover_emails[" + i + "]", "must be an email address");
            }
            if (seen.add(address.toLowerCase(Locale.ROOT))) {
                result.add(address);
            }
        }
        return result;
    }
}
