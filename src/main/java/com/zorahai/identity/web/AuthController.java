package com.zorahai.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.identity.internal.AccountService;
import com.zorahai.identity.internal.Registrations;
import com.zorahai.identity.internal.TenantAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, tokens and the account flows.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AccountService accounts;
    private final Registrations registrations;

    AuthController(AccountService accounts, Registrations registrations) {
        this.accounts = accounts;
        this.registrations = registrations;
    }

    record LoginRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
    }

    record RefreshRequest(@JsonProperty("refresh_token") @NotBlank @Size(max = 200) String refreshToken) {
    }

    record LogoutRequest(@JsonProperty("refresh_token") @Size(max = 200) String refreshToken) {
    }

    record PasswordResetRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    record PasswordResetConfirmation(@NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 1024) String password) {
    }

    record VerificationRequest(@NotBlank @Size(max = 200) String token) {
    }

    record RegisterRequest(@NotBlank @Size(min = 2, max = 120) String organization,
            @NotNull Registrations.Kind kind, @Email @Size(max = 320) String email, @Size(max = 200) String name,
            @Size(max = 1024) String password) {
    }

    record RegisterResponse(String tenant, @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {
    }

    @PostMapping("/login")
    @PreAuthorize("permitAll()")
    TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return TokenResponse.of(accounts.login(body.email(), body.password(), request.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    @PreAuthorize("permitAll()")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        return TokenResponse.of(accounts.refresh(body.refreshToken(), request.getRemoteAddr()));
    }

    @PostMapping("/logout")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody(required = false) LogoutRequest body, Authentication authentication) {
        TenantAuthentication auth = (TenantAuthentication) authentication;
        accounts.logout(auth.getPrincipal(), auth.jwt().getTokenValue(), body == null ? null : body.refreshToken());
    }

    /** Always 202: the answer does not tell whether the account exists. */
    @PostMapping("/password-reset")
    @PreAuthorize("permitAll()")
    ResponseEntity<Void> passwordReset(@Valid @RequestBody PasswordResetRequest body, HttpServletRequest request) {
        accounts.requestPasswordReset(body.email(), request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-reset/confirm")
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmPasswordReset(@Valid @RequestBody PasswordResetConfirmation body, HttpServletRequest request) {
        accounts.confirmPasswordReset(body.token(), body.password(), request.getRemoteAddr());
    }

    /** The link in the verification email lands here. */
    @GetMapping("/verify-email")
    @PreAuthorize("permitAll()")
    Map<String, Boolean> verifyEmailLink(@RequestParam @NotBlank @Size(max = 200) String token,
            HttpServletRequest request) {
        accounts.verifyEmail(token, request.getRemoteAddr());
        return Map.of("emailVerified", true);
    }

    @PostMapping("/verify-email")
    @PreAuthorize("permitAll()")
    Map<String, Boolean> verifyEmail(@Valid @RequestBody VerificationRequest body, HttpServletRequest request) {
        accounts.verifyEmail(body.token(), request.getRemoteAddr());
        return Map.of("emailVerified", true);
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    AccountService.Me me(@AuthenticationPrincipal AuthenticatedUser user) {
        return accounts.me(user);
    }

    /**
     * Creates a tenant with the caller as owner: a new account from email, name and password, or the signed-in
     * caller's own account. 404 unless {@code REGISTRATION_ENABLED=true}.
     */
    @PostMapping("/register")
    @PreAuthorize("permitAll()")
    ResponseEntity<RegisterResponse> register(@Valid @RequestBody RegisterRequest body,
            @AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        Registrations.Registered registered = registrations.register(new Registrations.Registration(
                body.organization(), body.kind(), body.email(), body.name(), body.password()), caller,
                request.getRemoteAddr());
        var tokens = registered.tokens();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new RegisterResponse(registered.tenant().value(),
                        tokens == null ? null : tokens.accessToken(), tokens == null ? null : "Bearer",
                        tokens == null ? null : tokens.expiresInSeconds(),
                        tokens == null ? null : tokens.refreshToken()));
    }
}
