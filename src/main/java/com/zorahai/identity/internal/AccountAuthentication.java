package com.zorahai.identity.internal;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified token with the account it speaks for, before a tenant is chosen for the request.
 */
final class AccountAuthentication extends AbstractAuthenticationToken {

    private final Account account;
    private final Jwt jwt;

    AccountAuthentication(Account account, Jwt jwt) {
        super(List.of());
        this.account = account;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    Account account() {
        return account;
    }

    Jwt jwt() {
        return jwt;
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public Object getPrincipal() {
        return account.user().id();
    }
}
