package com.zorahai.identity;

import com.zorahai.IntegrationTest;
import com.zorahai.email.Emails;
import com.zorahai.tenancy.Tenants;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The full application, with the tenant registry and the outbox replaced by mocks (so tests read the emailed links)
 * and registration open. Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@MockitoBean(types = {Tenants.class, Emails.class})
@TestPropertySource(properties = "zorah.identity.registration-enabled=true")
public @interface IdentityTest {
}
