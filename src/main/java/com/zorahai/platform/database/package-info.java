/**
 * The database bootstrap: {@code DATABASE_URL} parsing, and the PostgreSQL server the app starts itself when no
 * database is configured.
 */
package com.zorahai.platform.database;
