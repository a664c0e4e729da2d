package com.zorahai;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.identity.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Checks that a record of one tenant is invisible to every other tenant: reading, changing and deleting it with a
 * token of another tenant each answer 404, and the owning tenant still sees the record afterwards.
 *
 * <pre>
 * TenantIsolation.of(mvc, tokens)
 *         .record("/api/v1/quotes/{id}", quoteId)
 *         .ownedBy("tenant-a")
 *         .update(HttpMethod.PUT, "{\"title\":\"x\"}")
 *         .assertInvisibleTo("tenant-b");
 * </pre>
 *
 * By default it tries {@code GET}, {@code PATCH} with body {@code {}} and {@code DELETE}, as an admin of the other
 * tenant; {@link #withoutUpdate()} and {@link #withoutDelete()} skip what the resource does not offer.
 */
public final class TenantIsolation {

    private final MockMvcTester mvc;
    private final TestTokens tokens;
    private String uriTemplate;
    private Object[] uriVariables;
    private String owner;
    private Role role = Role.ADMIN;
    private HttpMethod updateMethod = HttpMethod.PATCH;
    private String updateBody = "{}";
    private final Set<Check> checks = EnumSet.allOf(Check.class);

    private enum Check {
        READ, UPDATE, DELETE
    }

    private TenantIsolation(MockMvcTester mvc, TestTokens tokens) {
        this.mvc = mvc;
        this.tokens = tokens;
    }

    public static TenantIsolation of(MockMvcTester mvc, TestTokens tokens) {
        return new TenantIsolation(mvc, tokens);
    }

    /** The record under test, e.g. {@code record("/api/v1/things/{id}", id)}. */
    public TenantIsolation record(String uriTemplate, Object... uriVariables) {
        this.uriTemplate = uriTemplate;
        this.uriVariables = uriVariables;
        return this;
    }

    /** The tenant the record belongs to: it must still read the record (200) after the other tenant's attempts. */
    public TenantIsolation ownedBy(String tenant) {
        this.owner = tenant;
        return this;
    }

    /** The role the other tenant's caller has (default {@link Role#ADMIN}). */
    public TenantIsolation as(Role role) {
        this.role = role;
        return this;
    }

    /** How the resource is changed (default {@code PATCH {}}). */
    public TenantIsolation update(HttpMethod method, String jsonBody) {
        this.updateMethod = method;
        this.updateBody = jsonBody;
        return this;
    }

    public TenantIsolation withoutUpdate() {
        checks.remove(Check.UPDATE);
        return this;
    }

    public TenantIsolation withoutDelete() {
        checks.remove(Check.DELETE);
        return this;
    }

    /** Asserts 404 for read, update and delete by a member of {@code otherTenant}. */
    public void assertInvisibleTo(String otherTenant) {
        if (uriTemplate == null) {
            throw new IllegalStateException("Name the record first: record(uriTemplate, id)");
        }
        String other = tokens.bearer(otherTenant, role);
        if (checks.contains(Check.READ)) {
            assertThat(mvc.get().uri(uriTemplate, uriVariables).header("Authorization", other))
                    .as("GET %s by tenant %s", uriTemplate, otherTenant)
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        if (checks.contains(Check.UPDATE)) {
            assertThat(mvc.method(updateMethod)
                    .uri(uriTemplate, uriVariables)
                    .header("Authorization", other)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(updateBody))
                    .as("%s %s by tenant %s", updateMethod, uriTemplate, otherTenant)
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        if (checks.contains(Check.DELETE)) {
            assertThat(mvc.delete().uri(uriTemplate, uriVariables).header("Authorization", other))
                    .as("DELETE %s by tenant %s", uriTemplate, otherTenant)
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        if (owner != null) {
            assertThat(mvc.get().uri(uriTemplate, uriVariables).header("Authorization", tokens.bearer(owner, role)))
                    .as("GET %s by its own tenant %s afterwards", uriTemplate, owner)
                    .hasStatus(HttpStatus.OK);
        }
    }
}
