package com.zorahai.platform.storage;

import com.zorahai.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The storage backend failed (I/O error, outage); answered as 503 {@code storage-unavailable}. The cause stays in
 * the logs, never in the response.
 */
public class StorageUnavailableException extends ProblemException {

    public StorageUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable",
                "Stored files cannot be reached right now. Try again later.");
        initCause(cause);
    }
}
