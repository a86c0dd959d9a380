package de.akte.core.classification;

/**
 * Predicts how a document should be filed, and learns from every filing at once. Each department has a
 * classifier of its own: its predictions and reasons come only from that department's filed records.
 */
public interface Classifier {

    /** What was learned from the given department's filed records; nothing learned there, no guess. */
    Classification classify(String department, String text);

    /**
     * What was learned from every department's records. Only for the registry's routing hints: its values,
     * reasons and confidences must never be shown to anyone who cannot see every department.
     */
    Classification classifyAcrossDepartments(String text);

    /**
     * Learns (or re-learns) how one document was filed, in the department of its {@link Label#DEPARTMENT} label
     * (required); the next prediction already knows it, and other departments forget it.
     */
    void learn(FilingExample example);

    /** Forgets a document, e.g. one that was destroyed. */
    void forget(long documentId);

    /** Throws everything learned away and learns again, department by department, from the given filed documents. */
    void rebuild(Iterable<FilingExample> examples);

    /** How many filed documents it knows. */
    long size();
}
