package com.zorahai;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A full application on the shared embedded PostgreSQL, with MockMvc. Every test class using exactly this
 * annotation shares one cached context; tests keep apart by using tenants and records of their own. Failed event
 * deliveries are not retried on a schedule here (tests that need it call {@code FailedEventRetries.retry()}), so a
 * test's deliberately failing listener stays put.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "zorah.events.retry.enabled=false")
@AutoConfigureMockMvc
@Import(TestTokens.class)
public @interface IntegrationTest {
}
