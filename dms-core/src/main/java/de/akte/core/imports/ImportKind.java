package de.akte.core.imports;

/** Where a batch's files come from. */
public enum ImportKind {
    /** Sent one by one by a client (the command-line tool) over the API. */
    CLIENT,
    /** Read by a server-side job from a folder or ZIP on the server. */
    SERVER,
    /** Dropped into the watched hot folder. */
    HOT_FOLDER
}
