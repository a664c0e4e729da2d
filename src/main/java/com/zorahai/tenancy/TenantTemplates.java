package com.zorahai.tenancy;

import com.zorahai.platform.ProblemException;
import com.zorahai.platform.templates.TenantTemplateEngine;
import com.zorahai.tenancy.internal.Problems;
import com.zorahai.tenancy.internal.TemplateStore;
import com.zorahai.tenancy.internal.TenancyProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Named HTML templates: the tenant's own ({@code tenant_templates}) first, else the default shipped in the jar under
 * {@code classpath:templates/<name>.html}. Names match {@code [a-z0-9][a-z0-9-_/]{0,99}} without empty segments,
 * e.g. {@code email/layout} or {@code documents/quote}.
 */
@Service
public class TenantTemplates {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_/-]{0,99}");
    private static final String LOCATION = "templates/";
    private static final String SUFFIX = ".html";

    private final TemplateStore store;
    private final TenancyProperties properties;
    private final Map<String, Optional<String>> defaults = new ConcurrentHashMap<>();
    private volatile List<String> defaultNames;

    public TenantTemplates(TemplateStore store, TenancyProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Where a template comes from. */
    public enum Source {
        TENANT, DEFAULT
    }

    /** A template and where it comes from; {@code updatedAt} is null for a default. */
    public record Template(String name, String content, Source source, Instant updatedAt) {
    }

    /** A template name, whether the tenant has its own version, and whether the jar has a default. */
    public record TemplateSummary(String name, boolean customized, boolean hasDefault, Instant updatedAt) {
    }

    /** Whether {@code name} is a valid template name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("//") && !name.endsWith("/");
    }

    /** The template source for this tenant and name; empty when neither the tenant nor the jar has it. */
    public Optional<String> find(TenantId tenant, String name) {
        if (!isValidName(name)) {
            return Optional.empty();
        }
        return get(tenant, name).map(Template::content);
    }

    /** The template with its origin; 400 for an invalid name. */
    public Optional<Template> get(TenantId tenant, String name) {
        requireValidName(name);
        return store.find(tenant, name)
                .map(row -> new Template(row.name(), row.content(), Source.TENANT, row.updatedAt()))
                .or(() -> defaultContent(name).map(content -> new Template(name, content, Source.DEFAULT, null)));
    }

    /** The tenant's templates and the shipped defaults, by name. */
    public List<TemplateSummary> list(TenantId tenant) {
        Map<String, TemplateSummary> byName = new TreeMap<>();
        for (String name : defaultNames()) {
            byName.put(name, new TemplateSummary(name, false, true, null));
        }
        for (TemplateStore.TemplateName own : store.names(tenant)) {
            byName.put(own.name(), new TemplateSummary(own.name(), true, byName.containsKey(own.name()),
                    own.updatedAt()));
        }
        return List.copyOf(byName.values());
    }

    /**
     * Stores the tenant's version of a template. 400 for an invalid name, empty content or an expression reaching
     * beyond the template's model; 413 above {@code zorah.tenancy.template-max-size}.
     */
    public Template save(TenantId tenant, String name, String content) {
        requireValidName(name);
        long max = properties.templateMaxSize().toBytes();
        if (content == null || content.isBlank()) {
            throw ProblemException.invalidField("content", "is empty");
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > max) {
            throw Problems.tooLarge("A template", max);
        }
        checkExpressions(content);
        TemplateStore.TemplateRow row = store.save(tenant, name, content);
        return new Template(row.name(), row.content(), Source.TENANT, row.updatedAt());
    }

    /** Removes the tenant's version (the default, if any, applies again); {@code false} when it had none. */
    public boolean delete(TenantId tenant, String name) {
        requireValidName(name);
        return store.delete(tenant, name);
    }

    /** 400 naming the field {@code name} unless {@code name} is a valid template name. */
    public static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw ProblemException.invalidField("name",
                    "must match [a-z0-9][a-z0-9-_/]{0,99} without empty segments");
        }
    }

    private static void checkExpressions(String content) {
        TenantTemplateEngine.unsafeExpression(content).ifPresent(found -> {
            throw ProblemException.invalidField("content",
                    "expressions may only read the template's variables (found '" + found + "')");
        });
    }

    private Optional<String> defaultContent(String name) {
        return defaults.computeIfAbsent(name, n -> {
            ClassPathResource resource = new ClassPathResource(LOCATION + n + SUFFIX);
            if (!resource.exists()) {
                return Optional.empty();
            }
            try (InputStream in = resource.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private List<String> defaultNames() {
        List<String> names = defaultNames;
        if (names == null) {
            names = new ArrayList<>();
            try {
                for (Resource resource : new PathMatchingResourcePatternResolver().getResources(
                        "classpath*:" + LOCATION + "**/*" + SUFFIX)) {
                    String url = resource.getURL().toString();
                    int at = url.lastIndexOf("/" + LOCATION);
                    if (at >= 0) {
                        String name = url.substring(at + LOCATION.length() + 1, url.length() - SUFFIX.length());
                        if (isValidName(name) && !names.contains(name)) {
                            names.add(name);
                        }
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            names.sort(String::compareTo);
            defaultNames = List.copyOf(names);
            names = defaultNames;
        }
        return names;
    }
}
