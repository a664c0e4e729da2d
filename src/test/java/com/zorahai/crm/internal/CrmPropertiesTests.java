package com.zorahai.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CrmPropertiesTests {

    @Test
    void theDefaultRegionMustBeARegionCode() {
        assertThat(new CrmProperties("ZA", 100).defaultRegion()).isEqualTo("ZA");
        assertThatIllegalArgumentException().isThrownBy(() -> new CrmProperties("za", 100))
                .withMessageContaining("zorah.crm.default-region");
        assertThatIllegalArgumentException().isThrownBy(() -> new CrmProperties(null, 100));
    }
}
