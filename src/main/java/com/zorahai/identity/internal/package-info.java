/**
 * Accounts, memberships, tokens, rate limits and the security filter chain.
 */
package com.zorahai.identity.internal;
