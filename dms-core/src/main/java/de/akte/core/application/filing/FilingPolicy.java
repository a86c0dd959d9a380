package de.akte.core.application.filing;

/**
 * When the classifier may file on its own.
 *
 * @param autoFileConfidence a prediction at least this sure is applied without asking; below, the document
 *                           waits in its department's review inbox
 */
public record FilingPolicy(double autoFileConfidence) {
    public FilingPolicy {
        if (autoFileConfidence <= 0 || autoFileConfidence > 1) {
            throw new IllegalArgumentException("the auto-filing confidence must be in (0, 1]: " + autoFileConfidence);
        }
    }

    public static FilingPolicy defaults() {
        return new FilingPolicy(0.8);
    }
}
