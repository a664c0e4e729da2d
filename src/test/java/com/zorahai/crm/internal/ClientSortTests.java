package com.zorahai.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.zorahai.platform.ProblemException;
import org.junit.jupiter.api.Test;

class ClientSortTests {

    @Test
    void readsAFieldAndADirection() {
        assertThat(ClientSort.parse(null)).isEqualTo(new ClientSort.Order(ClientSort.NAME, false));
        assertThat(ClientSort.parse("created_at,desc")).isEqualTo(new ClientSort.Order(ClientSort.CREATED_AT,
                true));
        assertThat(ClientSort.parse(" Updated_At , ASC ")).isEqualTo(new ClientSort.Order(ClientSort.UPDATED_AT,
                false));
    }

    @Test
    void refusesAnythingElseNamingSort() {
        for (String sort : new String[]{"email", "name,up", "name,asc,desc", "name;drop table clients", ","}) {
            assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ClientSort.parse(sort))
                    .satisfies(problem -> assertThat(problem.properties().get("errors").toString())
                            .contains("field=sort"));
        }
    }
}
