package de.akte.core.casefile;

import de.akte.core.shared.ConflictException;

/**
 * A closed (zdA) case file was asked to change what it holds: no document comes in or goes out, no
 * version or process is added until someone reopens it.
 */
public class CaseFileClosedException extends ConflictException {

    private final String fileReference;

    public CaseFileClosedException(FileReference fileReference, String refusal) {
        super("case file " + fileReference + " is closed (zdA): " + refusal + " until it is reopened");
        this.fileReference = fileReference.value();
    }

    /** The reference of the closed case file. */
    public String fileReference() {
        return fileReference;
    }
}
