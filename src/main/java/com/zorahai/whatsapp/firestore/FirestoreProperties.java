package com.zorahai.whatsapp.firestore;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Firestore store of conversations ({@code zorah.whatsapp.firestore.*}); credentials come from Application
 * Default Credentials.
 *
 * @param projectId the Google Cloud project ({@code GCP_PROJECT_ID}); required when the store is Firestore
 * @param databaseId the Firestore database, {@code (default)} unless named
 * @param timeout how long one write may take
 */
@ConfigurationProperties("zorah.whatsapp.firestore")
@Validated
record FirestoreProperties(@DefaultValue("") String projectId,
        @DefaultValue("(default)") @NotBlank String databaseId,
        @DefaultValue("10s") @NotNull Duration timeout) {
}
