package de.akte.core.application.processing;

import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.DepartmentReferences;
import de.akte.core.casefile.ReferenceResolution;
import de.akte.core.document.Document;
import de.akte.core.recognition.BatchPart;
import de.akte.core.routing.RoutingCause;
import de.akte.core.security.SystemActor;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a part of a scanned batch belongs, as its separator sheet says. The batch's department (and case file, if
 * named) is binding: a sheet never leads out of it, and a reference that is no case file of the department goes to
 * the registry to check.
 */
public class SeparatorSheets {

    private final DepartmentReferences references;
    private final RoutingDesk routing;

    public SeparatorSheets(CaseFileRepository caseFiles, RoutingDesk routing) {
        this.references = new DepartmentReferences(caseFiles);
        this.routing = routing;
    }

    /**
     * Where a part goes: the case file it is filed into (or none), what the batch's protocol notes about it, and
     * what to ask the registry about it (or null).
     */
    record Placement(CaseFile caseFile, List<String> notes, String question) {
    }

    /** The placement of part {@code number} (counted from 1) of the batch (inside a unit of work). */
    Placement place(Document batch, int number, BatchPart part) {
        List<String> notes = new ArrayList<>();
        CaseFile target = batch.caseFile().orElse(null);
        if (target != null && target.isClosed()) {
            // closed (zdA) since the upload: the parts wait in the department until someone files them
            notes.add("part " + number + ": case file " + target.fileReference() + " was closed (zdA) "
                    + "meanwhile, so the part was not filed into it");
            target = null;
        }
        String question = null;
        if (part.fileReference().isPresent()) {
            String named = part.fileReference().get();
            String department = batch.department().code();
            ReferenceResolution resolution = references.resolve(department, named);
            if (batch.caseFile().isPresent()) {
                if (resolution.open().filter(c -> c.id().equals(batch.caseFile().get().id())).isEmpty()) {
                    notes.add("part " + number + ": the separator sheet names file reference " + named
                            + ", but the batch was brought into case file " + batch.caseFile().get().fileReference()
                            + ", so the part stays there");
                }
            } else if (resolution.open().isPresent()) {
                target = resolution.caseFile();
            } else if (resolution.outcome() == ReferenceResolution.Outcome.CLOSED) {
                notes.add("part " + number + ": case file " + named + " is closed (zdA), so the part "
                        + "was not filed into it");
            } else {
                // the same words whether the reference exists in another department or nowhere
                notes.add("part " + number + ": the separator sheet names file reference " + named
                        + ", which is no case file of department " + department
                        + " (the registry has been asked to check it)");
                question = resolution.outcome() == ReferenceResolution.Outcome.ELSEWHERE
                        ? "the separator sheet names file reference " + named + ", a case file of department "
                                + resolution.caseFile().department().code()
                        : "the separator sheet names file reference " + named + ", which does not exist";
            }
        }
        return new Placement(target, notes, question);
    }

    /** Asks the registry about a stored part whose sheet named no case file of its department. */
    void ask(Document part, String question) {
        routing.ask(SystemActor.PROCESSING, part, RoutingCause.NAMED_REFERENCE, "the separator sheet names a file "
                + "reference that is no case file of this department; the registry has been asked to check it",
                question);
    }
}
