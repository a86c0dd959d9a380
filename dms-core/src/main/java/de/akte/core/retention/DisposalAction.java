package de.akte.core.retention;

/** What happens to a record when its retention period has run out. */
public enum DisposalAction {
    /** Destroyed, leaving a destruction certificate. */
    DESTROY,
    /** Offered to the public archive (xdomea Aussonderung). */
    TRANSFER,
    /** A records officer decides when it is due: destroy or transfer. */
    REVIEW
}
