/**
 * Shared infrastructure every module may use: problem details, request ids, timing, database bootstrap, storage,
 * PII audit and HTTP client defaults.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.zorahai.platform;

import org.springframework.modulith.ApplicationModule;
