package com.zorahai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.platform.ProblemException;
import org.junit.jupiter.api.Test;

class TenantIdTests {

    @Test
    void acceptsLowerCaseLettersDigitsAndDashes() {
        assertThat(TenantId.of("demo-travel").value()).isEqualTo("demo-travel");
        assertThat(TenantId.isValid("a1")).isTrue();
        assertThat(TenantId.isValid("0-tenant")).isTrue();
        assertThat(TenantId.isValid("a" + "b".repeat(62))).isTrue();
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[]{null, "", "a", "-abc", "Demo", "demo_travel", "demo.travel", "../etc",
                "a/b", "tenant ", "a" + "b".repeat(63), "ténant"}) {
            assertThat(TenantId.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> TenantId.of("../x")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("tenant_id");
    }
}
