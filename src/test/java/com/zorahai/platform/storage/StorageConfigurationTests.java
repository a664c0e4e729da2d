package com.zorahai.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

class StorageConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StorageConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageProperties.class)
    static class Properties {

        @Bean
        RestClient.Builder restClientBuilder() {
            return RestClient.builder();
        }
    }

    @Test
    void usesLocalFilesWithoutSupabase() {
        runner.withPropertyValues("zorah.storage.local-dir=target/test-storage",
                "zorah.storage.supabase.url=https://x.supabase.co")
                .run(context -> assertThat(context.getBean(ObjectStorage.class))
                        .isInstanceOf(LocalObjectStorage.class));
    }

    @Test
    void usesSupabaseWhenUrlAndKeyAreSet() {
        runner.withPropertyValues("zorah.storage.supabase.url=https://x.supabase.co",
                "zorah.storage.supabase.service-key=secret")
                .run(context -> assertThat(context.getBean(ObjectStorage.class))
                        .isInstanceOf(SupabaseObjectStorage.class));
    }
}
