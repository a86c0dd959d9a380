package de.akte.core.application.filing;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.routing.RoutingCause;
import de.akte.core.routing.RoutingRequest;
import de.akte.core.routing.RoutingRequestRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.security.SystemActor;
import de.akte.core.shared.Clock;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

import java.util.Optional;

/**
 * The questions automation asks the registry (routing requests): where a record may belong to another department.
 * Each is asked once per document and cause, listed for records officers, and answered when a document is handed
 * over or kept.
 */
public class RegistryQuestions {

    private final UnitOfWork unitOfWork;
    private final RoutingRequestRepository requests;
    private final DocumentRepository documents;
    private final AuditTrail audit;
    private final Clock clock;

    public RegistryQuestions(UnitOfWork unitOfWork, RoutingRequestRepository requests, DocumentRepository documents,
                             AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** See {@link RoutingDesk#ask}. */
    void ask(SystemActor asker, Document document, RoutingCause cause, String note, String detail) {
        if (document.id() == null) {
            throw new IllegalStateException("a routing request needs a stored document");
        }
        boolean asked = requests.openFor(document.id()).stream().anyMatch(r -> r.cause() == cause);
        if (!asked) {
            requests.add(new RoutingRequest(document.id(), cause, detail, clock.now()));
            audit.record(asker.actorName(), AuditAction.UPDATE_METADATA, "document", document.id().toString(),
                    "registry asked where it belongs: " + cause);
        }
        if (note != null && document.routingNote().isEmpty()) {
            document.awaitRouting(note);
        }
    }

    /** The open routing requests, oldest first: records officers and administrators only. */
    Page<RoutingRequestView> open(Caller caller, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        Page.Request asked = Page.request(page, size, 200);
        return unitOfWork.call(() -> asked.of(requests.countOpen(),
                requests.open(asked.offset(), asked.size()).stream().map(this::toView).toList()));
    }

    /** Answers every open question about the document (inside a unit of work). */
    void answerAll(long documentId, String by, String answer) {
        requests.openFor(documentId).forEach(r -> r.resolve(by, clock.now(), answer));
    }

    private RoutingRequestView toView(RoutingRequest request) {
        Optional<Document> document = documents.find(request.documentId());
        return new RoutingRequestView(request.id(), request.documentId(), document.map(Document::title).orElse(""),
                document.map(d -> d.department().code()).orElse(""), request.cause().name(), request.detail(),
                request.createdAt());
    }
}
