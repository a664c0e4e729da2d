package com.zorahai.identity.internal;

/**
 * Which identity provider runs: Supabase Auth when {@code SUPABASE_URL} is set, local accounts otherwise. One at a
 * time: tokens of the other provider are not accepted.
 */
public final class IdentityModes {

    /** Condition expression true when Supabase Auth is configured. */
    public static final String SUPABASE = "!'${zorah.identity.supabase.url:}'.isBlank()";

    /** Condition expression true when local accounts are used. */
    public static final String LOCAL = "'${zorah.identity.supabase.url:}'.isBlank()";

    private IdentityModes() {
    }
}
