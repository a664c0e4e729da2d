package com.zorahai.tenancy.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads {@code <dir>/<tenant_id>/client.yaml}: parses it (every scalar as text, so {@code +27...} or {@code 0123}
 * stay as written), expands variables, validates the fields, and checks that no two tenants claim the same inbound
 * address, domain or WhatsApp number. Collects every problem before failing, each naming the file and the field.
 */
public final class ClientFileReader {

    public static final String FILE_NAME = "client.yaml";
    private static final int MAX_FILE_BYTES = 1024 * 1024;

    private final Function<String, String> lookup;

    /** @param lookup the value of an environment variable, or null when it is not set */
    public ClientFileReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** A tenant's file: its id, where it is, and its expanded configuration tree. */
    public record ClientFile(TenantId id, Path file, Map<String, Object> tree, Tenant tenant) {
    }

    /** All tenant files under {@code dir} (none when it does not exist); fails with every problem found. */
    public List<ClientFile> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        List<ClientFile> files = new ArrayList<>();
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException ex) {
            throw new TenantConfigException(List.of(display(dir) + ": cannot be read (" + ex.getMessage() + ")"));
        }
        for (Path folder : folders) {
            Path file = folder.resolve(FILE_NAME);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String name = folder.getFileName().toString();
            if (!TenantId.isValid(name)) {
                problems.add(display(folder) + ": folder name is not a valid tenant id (must match "
                        + "[a-z0-9][a-z0-9-]{1,62})");
                continue;
            }
            read(TenantId.of(name), file, problems).ifPresent(files::add);
        }
        checkUnique(files, problems);
        if (!problems.isEmpty()) {
            throw new TenantConfigException(problems);
        }
        return files;
    }

    private Optional<ClientFile> read(TenantId id, Path file, List<String> problems) {
        String where = display(file);
        Object parsed;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(where + ": larger than 1 MB");
                return Optional.empty();
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                parsed = yaml().load(reader);
            }
        } catch (MarkedYAMLException ex) {
            problems.add(where + ": not valid YAML at line " + (ex.getProblemMark().getLine() + 1) + ": "
                    + ex.getProblem());
            return Optional.empty();
        } catch (YAMLException | IOException ex) {
            problems.add(where + ": cannot be read (" + ex.getMessage() + ")");
            return Optional.empty();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            problems.add(where + ": must hold a map of fields (name, currency, ...)");
            return Optional.empty();
        }
        List<ConfigError> errors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) new VariableExpander(lookup).expandTree(
                ConfigTrees.asTree(map), "", errors);
        if (errors.isEmpty()) {
            Optional<Tenant> tenant = TenantConfigBinder.bind(id, tree, Tenant.Source.FILE, errors);
            if (tenant.isPresent()) {
                return Optional.of(new ClientFile(id, file, tree, tenant.get()));
            }
        }
        errors.forEach(error -> problems.add(where + ": " + error));
        return Optional.empty();
    }

    private static void checkUnique(List<ClientFile> files, List<String> problems) {
        Map<String, ClientFile> seen = new HashMap<>();
        for (ClientFile file : files) {
            Tenant tenant = file.tenant();
            claim(seen, "email.inbound_address", lower(tenant.email().inboundAddress()), file, problems);
            claim(seen, "email.inbound_domain", lower(tenant.email().inboundDomain()), file, problems);
            claim(seen, "whatsapp.phone_number_id", tenant.whatsapp().phoneNumberId(), file, problems);
        }
    }

    private static void claim(Map<String, ClientFile> seen, String field, String value, ClientFile file,
            List<String> problems) {
        if (value == null) {
            return;
        }
        ClientFile other = seen.putIfAbsent(field + "=" + value, file);
        if (other != null) {
            problems.add(display(file.file()) + ": " + field + ": already used by " + display(other.file()));
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    static String display(Path path) {
        return path.normalize().toString();
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_FILE_BYTES);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextResolver());
    }

    /** Resolves plain scalars to text (or null); no guessing of numbers, booleans or dates. */
    private static final class TextResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
