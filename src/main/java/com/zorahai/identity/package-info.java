/**
 * Users, organization membership and roles, tokens, and the security filter chain that authenticates every request.
 */
@ApplicationModule
package com.zorahai.identity;

import org.springframework.modulith.ApplicationModule;
