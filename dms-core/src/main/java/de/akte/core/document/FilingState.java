package de.akte.core.document;

/** How a document came to be filed. */
public enum FilingState {
    /** The classifier was sure enough and filed it. */
    AUTO_FILED,
    /** The classifier was unsure: it waits in its department's review inbox. */
    REVIEW,
    /** A person filed it, or accepted or corrected the classifier's proposal. */
    FILED
}
