package de.akte.core.mail;

/** What became of a received message. */
public enum ReceivedMessageState {
    /** Its documents are recorded; a second sight of it is only flagged on the server. */
    STORED,
    /** Storing it failed; it is tried again at the next sight until the attempts run out. */
    FAILED,
    /** It could not be stored (too large, or it failed every attempt): recorded with its reason, never retried. */
    REFUSED
}
