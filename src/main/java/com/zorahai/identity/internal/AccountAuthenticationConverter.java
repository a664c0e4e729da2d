package com.zorahai.identity.internal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a verified token to its account: a token of an unknown or deactivated account is refused (401).
 */
final class AccountAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final IdentityProvider provider;
    private final AccountDirectory directory;

    AccountAuthenticationConverter(IdentityProvider provider, AccountDirectory directory) {
        this.provider = provider;
        this.directory = directory;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Account account = provider.accountFor(jwt)
                .flatMap(user -> directory.find(user.id()))
                .orElseThrow(() -> new InvalidBearerTokenException("The token speaks for no known account"));
        if (account.deactivated()) {
            throw new InvalidBearerTokenException("The account is deactivated");
        }
        return new AccountAuthentication(account, jwt);
    }
}
