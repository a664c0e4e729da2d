/**
 * Object storage for files the app keeps (logos, documents, index snapshots): Supabase Storage when configured, a
 * local folder otherwise.
 */
package com.zorahai.platform.storage;
