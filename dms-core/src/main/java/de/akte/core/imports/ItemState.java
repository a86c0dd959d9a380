package de.akte.core.imports;

/** What became of one file of a batch. */
public enum ItemState {
    /** Stored and turned into a document. */
    IMPORTED,
    /** The same content was already imported in this batch; no second document. */
    DUPLICATE,
    /** Refused, with a reason; the batch goes on without it. */
    FAILED
}
