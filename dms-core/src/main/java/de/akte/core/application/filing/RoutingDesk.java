package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.document.Document;
import de.akte.core.routing.RoutingCause;
import de.akte.core.security.Caller;
import de.akte.core.security.SystemActor;
import de.akte.core.shared.Page;

/**
 * The registry's side of automation: where a record may belong to another department, automation asks here
 * instead of moving it, and a records officer or administrator hands it over (or keeps it where it is).
 */
public class RoutingDesk {

    private final RegistryQuestions questions;
    private final DocumentHandover handover;

    public RoutingDesk(RegistryQuestions questions, DocumentHandover handover) {
        this.questions = questions;
        this.handover = handover;
    }

    /**
     * Asks the registry about a document, within the caller's transaction, in the name of the automation that
     * asks. The detail is for records officers only; the note (if any) is what the document's own department sees,
     * and must name nothing of another one. The same question about the same document is asked once.
     */
    public void ask(SystemActor asker, Document document, RoutingCause cause, String note, String detail) {
        questions.ask(asker, document, cause, note, detail);
    }

    /** The open routing requests, oldest first: records officers and administrators only. */
    public Page<RoutingRequestView> open(Caller caller, int page, int size) {
        return questions.open(caller, page, size);
    }

    /**
     * Hands a document over to a department (and optionally one of its open case files), or keeps it where it is
     * when that is its department; every open routing request on it is answered. Audited with the reason.
     */
    public DocumentView handOver(Caller caller, long documentId, Handover handover) {
        return this.handover.handOver(caller, documentId, handover);
    }
}
