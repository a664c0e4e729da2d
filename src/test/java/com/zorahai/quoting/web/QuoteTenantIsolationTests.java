package com.zorahai.quoting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TenantIsolation;
import com.zorahai.identity.Role;
import com.zorahai.quoting.QuotingTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class QuoteTenantIsolationTests extends QuotingTestSupport {

    @Test
    void anotherTenantSeesNoneOfAQuote() {
        String owner = tenant;
        String id = draft();
        assertThat(mvc.post().uri(QUOTES + "/" + id + "/send").header("Authorization", auth(Role.CONSULTANT)))
                .hasStatusOk();
        String other = newTenant();

        TenantIsolation.of(mvc, tokens).record(QUOTES + "/{id}", id).ownedBy(owner).withoutDelete()
                .assertInvisibleTo(other);
        TenantIsolation.of(mvc, tokens).record(QUOTES + "/{id}/lines", id).ownedBy(owner).withoutDelete()
                .update(HttpMethod.PUT, "{\"lines\": [], \"reason\": \"x\"}").assertInvisibleTo(other);
        TenantIsolation.of(mvc, tokens).record(QUOTES + "/{id}/revisions", id).ownedBy(owner).withoutUpdate()
                .withoutDelete().assertInvisibleTo(other);
        TenantIsolation.of(mvc, tokens).record(QUOTES + "/{id}/revisions/{n}", id, 1).ownedBy(owner)
                .withoutUpdate().withoutDelete().assertInvisibleTo(other);
        TenantIsolation.of(mvc, tokens).record(QUOTES + "/{id}/revisions/{a}/diff/{b}", id, 1, 1).ownedBy(owner)
                .withoutUpdate().withoutDelete().assertInvisibleTo(other);
        TenantIsolation.of(mvc, tokens).record(QUOTES + "/{id}/pdf", id).ownedBy(owner).withoutUpdate()
                .withoutDelete().as(Role.AGENT).assertInvisibleTo(other);

        String stranger = tokens.bearer(other, Role.OWNER);
        for (String action : new String[]{"send", "decline"}) {
            assertThat(mvc.post().uri(QUOTES + "/" + id + "/" + action).header("Authorization", stranger)
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.get().uri(QUOTES).header("Authorization", stranger)).hasStatusOk().bodyJson()
                .extractingPath("$.total").isEqualTo(0);
        assertThat(mvc.get().uri(QUOTES + "/" + id).header("Authorization", tokens.bearer(owner, Role.AGENT)))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("sent");
    }
}
