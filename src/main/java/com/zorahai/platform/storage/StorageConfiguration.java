package com.zorahai.platform.storage;

import java.net.http.HttpClient;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Chooses the object storage: Supabase Storage when {@code SUPABASE_URL} and {@code SUPABASE_SERVICE_KEY} are both
 * set, local files otherwise. Says at startup which one is used.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ObjectStorage objectStorage(StorageProperties properties, RestClient.Builder restClientBuilder) {
        ObjectStorage storage;
        StorageProperties.Supabase supabase = properties.supabase();
        if (supabase.configured()) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(supabase.timeout()).build();
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
            factory.setReadTimeout(supabase.timeout());
            storage = new SupabaseObjectStorage(restClientBuilder.clone().requestFactory(factory), supabase);
        } else {
            storage = new LocalObjectStorage(Path.of(properties.localDir()));
        }
        log.info("Object storage: {}", storage.description());
        return storage;
    }
}
