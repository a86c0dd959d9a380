package de.akte.core.disposition;

import de.akte.core.shared.ConflictException;

/**
 * A disposal was about to destroy or transfer a case file whose contents are no longer those approved: nothing
 * is removed, and the disposal needs a new four-eyes decision (it is sent back where it still can be).
 */
public class ApprovedSetChangedException extends ConflictException {

    private final long disposalId;
    private final String change;

    private ApprovedSetChangedException(long disposalId, String change, String message) {
        super(message);
        this.disposalId = disposalId;
        this.change = change;
    }

    /** The case file of the disposal changed as described since the approval. */
    public static ApprovedSetChangedException of(long disposalId, String fileReference, String change) {
        return new ApprovedSetChangedException(disposalId,
                "case file " + fileReference + " changed after the approval: " + change,
                "case file " + fileReference + " changed after disposal " + disposalId + " was approved (" + change
                        + "); nothing was removed");
    }

    public long disposalId() {
        return disposalId;
    }

    /** What changed, as the reason the disposal is sent back. */
    public String change() {
        return change;
    }

    /** The same refusal, telling whether the disposal went back for a new decision. */
    public ApprovedSetChangedException settled(boolean sentBack) {
        return new ApprovedSetChangedException(disposalId, change, getMessage() + (sentBack
                ? "; the disposal went back for a new four-eyes decision"
                : "; after the archive's appraisal the disposal cannot go back, so the records stay"));
    }
}
