package de.akte.core.storage;

/** The outcome of storing bytes: their id, size, and whether they were new to the store. */
public record StoredBlob(BlobId id, long size, boolean newlyStored) {
}
