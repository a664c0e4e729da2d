/**
 * Scheduled jobs across instances: the ShedLock lock provider on the {@code shedlock} table.
 */
package com.zorahai.platform.scheduling;
