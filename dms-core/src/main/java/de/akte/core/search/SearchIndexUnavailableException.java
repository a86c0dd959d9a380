package de.akte.core.search;

/** The search index cannot be reached (a remote index's cluster is away): nothing is wrong with the request. */
public class SearchIndexUnavailableException extends IllegalStateException {
    public SearchIndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
