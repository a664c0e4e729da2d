package com.zorahai.tenancy.internal;

import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.internal.ClientFileReader.ClientFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The tenants defined by files under {@code zorah.clients-dir} ({@code ZORAH_CLIENTS_DIR}, default
 * {@code ./clients}), read once at startup with variables taken from the Spring environment. An invalid file stops
 * the application.
 */
@Component
public class ClientsDirectory {

    private static final Logger log = LoggerFactory.getLogger(ClientsDirectory.class);

    private final Map<TenantId, ClientFile> files = new LinkedHashMap<>();

    public ClientsDirectory(Environment environment, @Value("${zorah.clients-dir:./clients}") String directory) {
        Path dir = Path.of(directory);
        new ClientFileReader(environment::getProperty).read(dir).forEach(file -> files.put(file.id(), file));
        if (files.isEmpty()) {
            log.warn("No tenant files under {} (set ZORAH_CLIENTS_DIR); only tenants from the database exist",
                    dir.toAbsolutePath().normalize());
        } else {
            log.info("Loaded {} tenant file(s) from {}: {}", files.size(), dir.toAbsolutePath().normalize(),
                    files.keySet());
        }
    }

    public Optional<ClientFile> find(TenantId id) {
        return Optional.ofNullable(files.get(id));
    }

    public Collection<ClientFile> all() {
        return Collections.unmodifiableCollection(files.values());
    }
}
