package com.zorahai.telephony.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code telephony_settings} table; a tenant without a row gets the configured defaults.
 */
@Component
public class TelephonySettingsStore {

    private final JdbcClient jdbc;
    private final TelephonySettings defaults;

    TelephonySettingsStore(JdbcClient jdbc, TelephonyProperties properties) {
        this.jdbc = jdbc;
        this.defaults = TelephonySettings.defaults(properties.defaults());
    }

    /** The tenant's settings, or the defaults. */
    public TelephonySettings get(TenantId tenant) {
        return jdbc.sql("select * from telephony_settings where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(this::map)
                .optional()
                .orElse(defaults);
    }

    public TelephonySettings defaults() {
        return defaults;
    }

    /** Replaces the tenant's settings after checking them as a whole; a 400 naming the field otherwise. */
    public TelephonySettings put(TenantId tenant, TelephonySettings settings) {
        check(settings);
        jdbc.sql("""
                insert into telephony_settings (tenant_id, calling_hours_start, calling_hours_end, calling_days,
                    business_hours_start, business_hours_end, business_days, max_attempts, retry_backoff_seconds,
                    retry_backoff_multiplier, store_transcripts, live_transcripts, twilio_account_sid,
                    twilio_auth_token_env, updated_at)
                values (:tenant, :cs, :ce, :cd, :bs, :be, :bd, :max, :backoff, :multiplier, :store, :live, :sid, :env,
                    now())
                on conflict (tenant_id) do update set calling_hours_start = excluded.calling_hours_start,
                    calling_hours_end = excluded.calling_hours_end, calling_days = excluded.calling_days,
                    business_hours_start = excluded.business_hours_start,
                    business_hours_end = excluded.business_hours_end, business_days = excluded.business_days,
                    max_attempts = excluded.max_attempts, retry_backoff_seconds = excluded.retry_backoff_seconds,
                    retry_backoff_multiplier = excluded.retry_backoff_multiplier,
                    store_transcripts = excluded.store_transcripts, live_transcripts = excluded.live_transcripts,
                    twilio_account_sid = excluded.twilio_account_sid,
                    twilio_auth_token_env = excluded.twilio_auth_token_env, updated_at = now()""")
                .param("tenant", tenant.value())
                .param("cs", settings.callingHoursStart())
                .param("ce", settings.callingHoursEnd())
                .param("cd", TelephonySettings.format(settings.callingDays()))
                .param("bs", settings.businessHoursStart())
                .param("be", settings.businessHoursEnd())
                .param("bd", TelephonySettings.format(settings.businessDays()))
                .param("max", settings.maxAttempts())
                .param("backoff", (int) settings.retryBackoff().toSeconds())
                .param("multiplier", settings.retryBackoffMultiplier())
                .param("store", settings.storeTranscripts())
                .param("live", settings.liveTranscripts())
                .param("sid", settings.twilioAccountSid())
                .param("env", settings.twilioAuthTokenEnv())
                .update();
        return get(tenant);
    }

    static void check(TelephonySettings s) {
        if (!s.callingHoursStart().isBefore(s.callingHoursEnd())) {
            throw ProblemException.invalidField("calling_hours_end", "must be after calling_hours_start");
        }
        if (!s.businessHoursStart().isBefore(s.businessHoursEnd())) {
            throw ProblemException.invalidField("business_hours_end", "must be after business_hours_start");
        }
        if (s.callingDays().isEmpty()) {
            throw ProblemException.invalidField("calling_days", "must name at least one day");
        }
        if (s.businessDays().isEmpty()) {
            throw ProblemException.invalidField("business_days", "must name at least one day");
        }
        if (s.maxAttempts() < 1 || s.maxAttempts() > 20) {
            throw ProblemException.invalidField("max_attempts", "must be between 1 and 20");
        }
        long backoff = s.retryBackoff().toSeconds();
        if (backoff < 60 || backoff > Duration.ofDays(7).toSeconds()) {
            throw ProblemException.invalidField("retry_backoff_minutes", "must be between 1 and 10080");
        }
        if (s.retryBackoffMultiplier().compareTo(BigDecimal.ONE) < 0
                || s.retryBackoffMultiplier().compareTo(BigDecimal.TEN) > 0) {
            throw ProblemException.invalidField("retry_backoff_multiplier", "must be between 1 and 10");
        }
        if (s.retryBackoffMultiplier().scale() > 2) {
            throw ProblemException.invalidField("retry_backoff_multiplier", "must have at most two decimals");
        }
        boolean sid = s.twilioAccountSid() != null;
        boolean env = s.twilioAuthTokenEnv() != null;
        if (sid && !TelephonySettings.ACCOUNT_SID.matcher(s.twilioAccountSid()).matches()) {
            throw ProblemException.invalidField("twilio_account_sid", "must be a Twilio account SID (AC + 32 hex)");
        }
        if (env && !TelephonySettings.TOKEN_ENV.matcher(s.twilioAuthTokenEnv()).matches()) {
            throw ProblemException.invalidField("twilio_auth_token_env",
                    "must name an environment variable starting with TWILIO_ (upper case, digits, _)");
        }
        if (sid != env) {
            throw ProblemException.invalidField(sid ? "twilio_auth_token_env" : "twilio_account_sid",
                    "is required together with " + (sid ? "twilio_account_sid" : "twilio_auth_token_env"));
        }
    }

    private TelephonySettings map(ResultSet rs, int row) throws SQLException {
        return new TelephonySettings(rs.getObject("calling_hours_start", LocalTime.class),
                rs.getObject("calling_hours_end", LocalTime.class),
                TelephonySettings.days(rs.getString("calling_days"), "calling_days"),
                rs.getObject("business_hours_start", LocalTime.class),
                rs.getObject("business_hours_end", LocalTime.class),
                TelephonySettings.days(rs.getString("business_days"), "business_days"), rs.getInt("max_attempts"),
                Duration.ofSeconds(rs.getInt("retry_backoff_seconds")), rs.getBigDecimal("retry_backoff_multiplier"),
                rs.getBoolean("store_transcripts"), rs.getBoolean("live_transcripts"),
                rs.getString("twilio_account_sid"), rs.getString("twilio_auth_token_env"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
