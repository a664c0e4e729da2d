package com.zorahai.whatsapp.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.zorahai.whatsapp.WhatsAppMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Turns the Firestore store on when {@code zorah.whatsapp.store=firestore} and TESTING_MODE is off. PostgreSQL
 * keeps the channel's own tables either way (inbox, window, outbox); Firestore gets the conversations for the
 * dashboards that read it. A missing project id stops the start with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${zorah.whatsapp.store:postgres}' == 'firestore' and !${zorah.whatsapp.testing-mode:false}")
class FirestoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FirestoreConfiguration.class);

    @Bean(destroyMethod = "close")
    Firestore whatsappFirestore(FirestoreProperties properties) {
        if (!StringUtils.hasText(properties.projectId())) {
            throw new IllegalStateException("zorah.whatsapp.store=firestore needs zorah.whatsapp.firestore.project-id"
                    + " (GCP_PROJECT_ID)");
        }
        log.info("WhatsApp conversations: Firestore project {} database {} (collections conversations,"
                + " dashboardMetrics)", properties.projectId(), properties.databaseId());
        return FirestoreOptions.newBuilder()
                .setProjectId(properties.projectId())
                .setDatabaseId(properties.databaseId())
                .build()
                .getService();
    }

    @Bean
    FirestoreConversationStore whatsappFirestoreStore(Firestore whatsappFirestore, WhatsAppMessages messages,
            FirestoreProperties properties) {
        return new FirestoreConversationStore(whatsappFirestore, messages, properties);
    }
}
