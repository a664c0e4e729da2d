package com.zorahai.platform;

import com.zorahai.TestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application on a real HTTP server (random port), for what MockMvc cannot show: the servlet container's error
 * dispatch, headers on the wire, client addresses. The PII audit is on, for a test resource and for clients. Every
 * class with exactly this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zorah.pii-audit.enabled=true", "zorah.pii-audit.resources[0].path=/api/v1/test-pii-records",
        "zorah.pii-audit.resources[0].type=test-record", "zorah.pii-audit.resources[1].path=/api/v1/clients",
        "zorah.pii-audit.resources[1].type=client"})
@Import({TestTokens.class, FailingFilterConfiguration.class})
public @interface RunningServerTest {
}
