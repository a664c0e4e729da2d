package com.zorahai.tenancy.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tenancy settings ({@code zorah.tenancy.*}).
 *
 * @param cacheTtl how long an instance keeps effective tenants before reading overrides again; changes made through
 *        this instance are visible at once, changes made through another instance after at most this long
 * @param assetsBucket the storage bucket for logos
 * @param logoMaxSize the largest logo accepted
 * @param templateMaxSize the largest template accepted
 * @param baseUrl the public address of the app ({@code BASE_URL}), for logo links in emails and documents
 */
@ConfigurationProperties("zorah.tenancy")
public record TenancyProperties(@DefaultValue("10s") Duration cacheTtl,
        @DefaultValue("tenant-assets") String assetsBucket, @DefaultValue("2MB") DataSize logoMaxSize,
        @DefaultValue("256KB") DataSize templateMaxSize, @DefaultValue("http://localhost:8080") String baseUrl) {
}
