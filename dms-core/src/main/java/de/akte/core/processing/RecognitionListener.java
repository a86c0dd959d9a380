package de.akte.core.processing;

/** Told when a document's current version has been recognised (text stored), e.g. to classify and file it. */
@FunctionalInterface
public interface RecognitionListener {

    void recognized(long documentId);

    /** Nobody listens. */
    static RecognitionListener none() {
        return id -> {
        };
    }
}
