package com.zorahai.ai;

import com.zorahai.ai.openai.OpenAiExtractor;
import com.zorahai.ai.rules.CleanedEmail;
import com.zorahai.ai.rules.EmailCleaner;
import com.zorahai.ai.rules.RuleBasedExtractor;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Reads a travel request from an email: through the tenant's OpenAI model when a key is configured, through the local
 * rules otherwise and whenever the model fails (timeout, rate limit, server error, an answer that does not fit the
 * schema). Each fallback counts in the metric {@code zorah.ai.fallbacks{reason}}.
 */
@Service
public class TravelRequestExtractor {

    /** The model used when a tenant names none. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    private static final Logger log = LoggerFactory.getLogger(TravelRequestExtractor.class);

    private final Tenants tenants;
    private final OpenAiExtractor openAi;
    private final MeterRegistry meters;
    private final EmailCleaner cleaner = new EmailCleaner();
    private final RuleBasedExtractor rules = new RuleBasedExtractor();

    @Autowired
    TravelRequestExtractor(Tenants tenants, ObjectProvider<OpenAiExtractor> openAi, MeterRegistry meters) {
        this(tenants, openAi.getIfAvailable(), meters);
    }

    TravelRequestExtractor(Tenants tenants, OpenAiExtractor openAi, MeterRegistry meters) {
        this.tenants = tenants;
        this.openAi = openAi;
        this.meters = meters;
    }

    /** The extraction for one email received by a tenant; never fails for content reasons. */
    public TravelRequestExtraction extract(TenantId tenantId, EmailText email) {
        return extract(tenantId, email, true);
    }

    /**
     * The rule-based extraction only, never the model: for mail that does not deserve a model call (scored as spam
     * before it is read).
     */
    public TravelRequestExtraction extractWithRules(TenantId tenantId, EmailText email) {
        return extract(tenantId, email, false);
    }

    private TravelRequestExtraction extract(TenantId tenantId, EmailText email, boolean withModel) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        Currency currency = tenant.map(Tenant::currency).orElse(Currency.getInstance("USD"));
        LocalDate today = LocalDate.ofInstant(email.receivedAt(),
                tenant.<ZoneId>map(Tenant::timezone).orElse(ZoneOffset.UTC));
        CleanedEmail cleaned = cleaner.clean(email);
        if (openAi != null && withModel) {
            String model = tenant.map(Tenant::ai).map(Tenant.Ai::model).filter(m -> !m.isBlank()).orElse(DEFAULT_MODEL);
            try {
                return openAi.extract(cleaned, email.from(), model, today, currency);
            } catch (AiCallFailed e) {
                log.warn("LLM extraction failed for tenant {} ({}: {}); the rules answer instead", tenantId.value(),
                        e.reason(), e.getMessage());
                meters.counter("zorah.ai.fallbacks", "reason", e.reason()).increment();
            } catch (RuntimeException e) {
                log.warn("LLM extraction failed for tenant {} ({}); the rules answer instead", tenantId.value(),
                        e.getClass().getSimpleName());
                meters.counter("zorah.ai.fallbacks", "reason", "unexpected").increment();
            }
        }
        return rules.extract(cleaned, email.from(), today, currency);
    }

    /** The text the spans of an extraction point into: subject, body and signature without quotes or forwarded headers. */
    public String cleanedText(EmailText email) {
        return cleaner.clean(email).text();
    }
}
