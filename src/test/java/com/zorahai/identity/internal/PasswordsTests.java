package com.zorahai.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordsTests {

    static IdentityProperties properties(int strength) {
        return new IdentityProperties(false, "", false, Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(2), Duration.ofSeconds(30), strength,
                new IdentityProperties.RateLimits(IdentityProperties.Backend.MEMORY, 5, 20));
    }

    final Passwords passwords = new Passwords(properties(4));

    @Test
    void shipsAListOfSeveralThousandCommonPasswords() {
        assertThat(passwords.commonCount()).isGreaterThan(3000);
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(passwords.weakness("correct-horse-battery-staple", "jane@example.com")).isNull();
        assertThat(passwords.weakness("ünïcödé-pässwörd-42", null)).isNull();
    }

    @Test
    void refusesShortCommonMonotonousOrPersonalPasswords() {
        assertThat(passwords.weakness("Sh0rt!pass", null)).isEqualTo("must be at least 12 characters long");
        assertThat(passwords.weakness(null, null)).isEqualTo("must be at least 12 characters long");
        assertThat(passwords.weakness("Password1234", null)).isEqualTo("is too common");
        assertThat(passwords.weakness("QWERTYUIOP123", null)).isEqualTo("is too common");
        assertThat(passwords.weakness("abababababab", null)).isEqualTo("uses too few different characters");
        assertThat(passwords.weakness("janedoe-secret-99", "janedoe@example.com"))
                .isEqualTo("must not contain your email address");
        assertThat(passwords.weakness("x".repeat(40) + "é".repeat(20), null))
                .isEqualTo("must be at most 72 bytes long");
    }

    @Test
    void refusalIsAWeakPasswordProblemNamingTheField() {
        assertThatThrownBy(() -> passwords.requireStrong("letmein12345", null)).isInstanceOfSatisfying(
                ProblemException.class, p -> {
                    assertThat(p.type()).isEqualTo("weak-password");
                    assertThat(p.properties().get("errors").toString()).contains("field=password")
                            .contains("is too common");
                });
    }

    @Test
    void hashesWithBcryptAndVerifies() {
        String hash = passwords.hash("correct-horse-battery-staple");
        assertThat(hash).startsWith("$2a$04$");
        assertThat(passwords.matches("correct-horse-battery-staple", hash)).isTrue();
        assertThat(passwords.matches("wrong", hash)).isFalse();
        assertThat(passwords.matches("anything", null)).isFalse();
        assertThat(passwords.matches("y".repeat(100), hash)).isFalse();
    }
}
