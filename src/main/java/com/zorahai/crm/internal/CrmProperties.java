package com.zorahai.crm.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * CRM settings ({@code zorah.crm.*}).
 *
 * @param defaultRegion the region (ISO 3166-1 alpha-2) national phone numbers are read in when the tenant's locale
 *        names no country
 * @param maxPageSize the largest page a list endpoint returns
 */
@Validated
@ConfigurationProperties("zorah.crm")
record CrmProperties(@DefaultValue("US") String defaultRegion,
        @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize) {

    CrmProperties {
        if (defaultRegion == null || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("zorah.crm.default-region must be a region code such as ZA or US"
                    + " (ISO 3166-1 alpha-2, upper case), not '" + defaultRegion + "'");
        }
    }
}
