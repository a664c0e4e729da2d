package com.zorahai.knowledge.index;

import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where index snapshots go: one zip per tenant, replaced by each new snapshot (so an erased document does not
 * survive in an older copy). Cloud Storage when {@code FAISS_BUCKET_NAME} is set, a local folder otherwise.
 */
public interface SnapshotStore {

    /** Stores {@code zip} as the tenant's latest snapshot, replacing the previous one. */
    void write(TenantId tenant, Path zip) throws IOException;

    /** Copies the tenant's latest snapshot to {@code target}; {@code false} when there is none. */
    boolean read(TenantId tenant, Path target) throws IOException;

    /** Removes the tenant's snapshot; {@code false} when there was none. */
    boolean delete(TenantId tenant) throws IOException;

    /** Where snapshots go, for the startup log; never a secret. */
    String description();
}
