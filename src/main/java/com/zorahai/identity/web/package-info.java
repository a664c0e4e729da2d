/**
 * The identity REST API: sign-in and account flows under {@code /api/v1/auth}, members under {@code /api/v1/users},
 * invitations under {@code /api/v1/invitations}.
 */
package com.zorahai.identity.web;
