package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Registration is closed unless {@code REGISTRATION_ENABLED=true}. */
@IntegrationTest
class RegistrationDisabledTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void registerAnswers404WhenRegistrationIsOff() {
        assertThat(mvc.post()
                .uri("/api/v1/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"organization\":\"Acme\",\"kind\":\"travel\",\"email\":\"a@example.com\","
                        + "\"name\":\"A\",\"password\":\"correct-horse-battery-staple\"}"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
