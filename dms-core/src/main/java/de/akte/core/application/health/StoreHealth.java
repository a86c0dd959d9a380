package de.akte.core.application.health;

import de.akte.core.health.ComponentHealth;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.search.TextIndex;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

/**
 * The stores documents live in, each exercised: a query of the database, a round trip to the blob storage, and a
 * write the search index must accept. Without any of them documents can be neither accepted nor found.
 */
public class StoreHealth {

    /** The SHA-256 of no bytes: asking whether it exists touches the store without needing it to. */
    private static final BlobId PROBE = new BlobId("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private final UnitOfWork unitOfWork;
    private final IndexOutbox outbox;
    private final BlobStore blobs;
    private final TextIndex index;

    public StoreHealth(UnitOfWork unitOfWork, IndexOutbox outbox, BlobStore blobs, TextIndex index) {
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.blobs = blobs;
        this.index = index;
    }

    ComponentHealth database() {
        unitOfWork.call(outbox::size);
        return ComponentHealth.up();
    }

    ComponentHealth storage() {
        blobs.exists(PROBE);
        return ComponentHealth.up();
    }

    ComponentHealth index() {
        return index.health();
    }
}
