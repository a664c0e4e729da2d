/**
 * Scheduled jobs across instances: ShedLock on the {@code shedlock} table.
 */
package com.zorahai.platform.scheduling;
