package de.akte.core.casefile;

import java.util.Optional;

/**
 * Where a file reference found by automation leads, seen from the department a record was brought into.
 * {@link Outcome#ELSEWHERE} carries the other department's case file for the registry only: nothing of it may
 * reach the record's own department.
 */
public record ReferenceResolution(Outcome outcome, CaseFile caseFile) {

    /** The possible answers. */
    public enum Outcome {
        /** An open case file of the record's department. */
        OPEN,
        /** A closed (zdA) case file of the record's department. */
        CLOSED,
        /** A case file of another department. */
        ELSEWHERE,
        /** No case file, or no valid reference. */
        MISSING
    }

    /** The case file to file into, if the reference names an open one of the record's department. */
    public Optional<CaseFile> open() {
        return outcome == Outcome.OPEN ? Optional.of(caseFile) : Optional.empty();
    }
}
