package com.zorahai.knowledge.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the knowledge files shipped under {@code clients/<tenant>/knowledge/} once per tenant (the first start that
 * finds them claims the load in the database, so two instances never load twice), then makes sure the index of
 * every tenant with knowledge is current (restored from its snapshot when the local folder is empty).
 */
@Component
public class KnowledgeSeeder {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSeeder.class);

    private final KnowledgeService service;
    private final KnowledgeStore store;
    private final Tenants tenants;
    private final KnowledgeProperties properties;

    KnowledgeSeeder(KnowledgeService service, KnowledgeStore store, Tenants tenants, KnowledgeProperties properties) {
        this.service = service;
        this.store = store;
        this.tenants = tenants;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!properties.seed().enabled()) {
            return;
        }
        for (Tenant tenant : tenants.all()) {
            try {
                seed(tenant.id());
                if (store.state(tenant.id()).generation() > 0) {
                    service.sync(tenant.id());
                }
            } catch (RuntimeException e) {
                log.error("Loading the shipped knowledge of tenant {} failed", tenant.id().value(), e);
            }
        }
    }

    /** Loads the tenant's shipped files unless they were loaded before; {@code true} when it loaded them now. */
    public boolean seed(TenantId tenant) {
        Path dir = properties.seed().clientsDir().resolve(tenant.value()).resolve("knowledge");
        if (!Files.isDirectory(dir) || !store.claimSeed(tenant, Instant.now())) {
            return false;
        }
        ShippedKnowledge shipped = ShippedKnowledge.read(dir);
        for (ShippedKnowledge.ShippedFile file : shipped.documents()) {
            service.addDocument(tenant, new KnowledgeService.Upload(file.name(), file.format().contentType(), file
                    .content(), null, file.name(), "shipped"));
        }
        if (shipped.styleGuide() != null && !shipped.styleGuide().isEmpty()) {
            service.saveStyleGuide(tenant, shipped.styleGuide());
        }
        if (!shipped.qaPairs().isEmpty()) {
            service.importQa(tenant, shipped.qaPairs(), "shipped");
        }
        if (!shipped.goldenSet().isEmpty()) {
            service.replaceGoldenSet(tenant, shipped.goldenSet());
        }
        log.info("Shipped knowledge of tenant {} loaded: {} document(s), {} Q&A pair(s), {} golden question(s)",
                tenant.value(), shipped.documents().size(), shipped.qaPairs().size(), shipped.goldenSet().size());
        return true;
    }
}
