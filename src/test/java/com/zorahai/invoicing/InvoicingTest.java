package com.zorahai.invoicing;

import com.zorahai.IntegrationTest;
import com.zorahai.quoting.Quotes;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The application for invoicing tests: {@link Quotes} mocked (get it with {@code @Autowired}; PDFs are rendered for
 * real), drafts made on quote acceptance, and PII reads audited. Every invoicing test class uses
 * exactly this annotation, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@MockitoBean(types = Quotes.class)
@TestPropertySource(properties = {"zorah.invoicing.auto-draft-on-acceptance=true", "zorah.pii-audit.enabled=true"})
public @interface InvoicingTest {
}
