package com.zorahai.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactPointsTests {

    @Test
    void phonesBecomeE164InTheGivenRegion() {
        assertThat(ContactPoints.e164("082 123 4567", "ZA")).hasValue("+27821234567");
        assertThat(ContactPoints.e164("00 27 82 123 4567", "ZA")).hasValue("+27821234567");
        assertThat(ContactPoints.e164("(415) 234-5678", "US")).hasValue("+14152345678");
        assertThat(ContactPoints.e164("+44 20 7946 0958", "US")).hasValue("+442079460958");
        assertThat(ContactPoints.e164("whatsapp:+961 3 123 456", "US")).hasValue("+9613123456");
        assertThat(ContactPoints.e164("tel:+1-415-234-5678", "ZA")).hasValue("+14152345678");
    }

    @Test
    void invalidPhonesAreRefused() {
        assertThat(ContactPoints.e164(null, "US")).isEmpty();
        assertThat(ContactPoints.e164("", "US")).isEmpty();
        assertThat(ContactPoints.e164("12345", "US")).isEmpty();
        assertThat(ContactPoints.e164("call me maybe", "US")).isEmpty();
        assertThat(ContactPoints.e164("+1 415 234 5678; drop table", "US")).isEmpty();
        assertThat(ContactPoints.e164("0821234567", "US")).isEmpty();
        assertThat(ContactPoints.e164("1".repeat(60), "US")).isEmpty();
    }

    @Test
    void emailsAreLowerCasedAndChecked() {
        assertThat(ContactPoints.email("  Ana.Lima+Trips@Example.CO.ZA ")).hasValue("ana.lima+trips@example.co.za");
        assertThat(ContactPoints.email("mailto:x@example.com")).hasValue("x@example.com");
        assertThat(ContactPoints.email(null)).isEmpty();
        assertThat(ContactPoints.email("plain")).isEmpty();
        assertThat(ContactPoints.email("a@b")).isEmpty();
        assertThat(ContactPoints.email("@example.com")).isEmpty();
        assertThat(ContactPoints.email("a@")).isEmpty();
        assertThat(ContactPoints.email("a..b@example.com")).isEmpty();
        assertThat(ContactPoints.email("a b@example.com")).isEmpty();
        assertThat(ContactPoints.email("a@-example.com")).isEmpty();
        assertThat(ContactPoints.email("Name <a@example.com>")).isEmpty();
        assertThat(ContactPoints.email("x".repeat(65) + "@example.com")).isEmpty();
    }
}
