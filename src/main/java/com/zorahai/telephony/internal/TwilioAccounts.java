package com.zorahai.telephony.internal;

import com.zorahai.telephony.twilio.TwilioAccount;
import com.zorahai.tenancy.TenantId;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Which Twilio account a tenant provisions through: its own sub-account when its settings name one (the token
 * read from the named {@code TWILIO_*} environment variable), else the platform's {@code TWILIO_ACCOUNT_SID} /
 * {@code TWILIO_AUTH_TOKEN}.
 */
@Component
public class TwilioAccounts {

    private final TelephonySettingsStore settings;
    private final TelephonyProperties properties;
    private final Environment environment;

    TwilioAccounts(TelephonySettingsStore settings, TelephonyProperties properties, Environment environment) {
        this.settings = settings;
        this.properties = properties;
        this.environment = environment;
    }

    /** The tenant's account, if it has credentials. */
    public Optional<TwilioAccount> find(TenantId tenant) {
        TelephonySettings own = settings.get(tenant);
        if (own.ownTwilioAccount()) {
            String token = environment.getProperty(own.twilioAuthTokenEnv());
            return StringUtils.hasText(token)
                    ? Optional.of(new TwilioAccount(own.twilioAccountSid(), token))
                    : Optional.empty();
        }
        TelephonyProperties.Twilio platform = properties.twilio();
        return platform.configured()
                ? Optional.of(new TwilioAccount(platform.accountSid(), platform.authToken()))
                : Optional.empty();
    }

    /** The tenant's account; 503 {@code telephony-not-configured} without one. */
    public TwilioAccount require(TenantId tenant) {
        return find(tenant).orElseThrow(() -> TelephonyProblems.notConfigured("Twilio"));
    }
}
