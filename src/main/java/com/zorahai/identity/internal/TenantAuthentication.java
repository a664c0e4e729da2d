package com.zorahai.identity.internal;

import com.zorahai.identity.AuthenticatedUser;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authentication of a request once its tenant is chosen: the principal is an {@link AuthenticatedUser}, the
 * authority the role of the membership ({@code ROLE_ADMIN}...), none when the user acts for no tenant.
 */
public final class TenantAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;
    private final Jwt jwt;

    TenantAuthentication(AuthenticatedUser user, Jwt jwt) {
        super(user.role() == null ? List.of() : List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.userId().toString();
    }

    public Jwt jwt() {
        return jwt;
    }
}
