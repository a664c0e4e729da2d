package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptTokensTests {

    @Test
    void tokensAre256RandomBitsAndOnlyTheirHashIsKept() {
        AcceptTokens.Issued one = AcceptTokens.issue();
        AcceptTokens.Issued two = AcceptTokens.issue();
        assertThat(one.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(one.token()).isNotEqualTo(two.token());
        assertThat(one.hash()).hasSize(64).doesNotContain(one.token());
        assertThat(AcceptTokens.hashOf(one.token())).contains(one.hash());
    }

    @Test
    void aChangedOrMalformedTokenHasAnotherHashOrNone() {
        AcceptTokens.Issued issued = AcceptTokens.issue();
        char last = issued.token().charAt(42);
        String tampered = issued.token().substring(0, 42) + (last == 'A' ? 'B' : 'A');
        assertThat(AcceptTokens.hashOf(tampered)).isPresent().get().isNotEqualTo(issued.hash());
        assertThat(AcceptTokens.hashOf(null)).isEmpty();
        assertThat(AcceptTokens.hashOf("short")).isEmpty();
        assertThat(AcceptTokens.hashOf(issued.token() + "x")).isEmpty();
        assertThat(AcceptTokens.hashOf("'; drop table quotes; --'''''''''''''''''''''")).isEmpty();
    }
}
