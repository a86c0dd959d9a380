package de.akte.core.imports;

/** Whether a batch still takes files. */
public enum ImportState {
    /** Files are still coming (a client uploading, a server job reading). */
    OPEN,
    /** Every file was handed in; the import protocol is written. */
    CLOSED
}
