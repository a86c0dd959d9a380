package de.akte.core.document;

/** Where a document stands in its processing after its original bytes were accepted. */
public enum DocumentStatus {
    /** Original stored, waiting for processing. */
    RECEIVED,
    /** Text extraction / recognition is running. */
    PROCESSING,
    /** Text known and indexed; the document can be found. */
    READY,
    /** Processing failed for good; the reason says why, the original is kept. */
    FAILED,
    /** Rejected as unsafe or unacceptable content; the original is kept for inspection. */
    QUARANTINED
}
