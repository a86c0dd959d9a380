package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.document.DocumentRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

/** A department's review inbox: the documents automation could not file completely, waiting for a clerk. */
public class ReviewInbox {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;

    public ReviewInbox(UnitOfWork unitOfWork, DocumentRepository documents) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
    }

    /** What waits for review in a department the caller may see, oldest first. */
    public Page<DocumentView> inbox(Caller caller, String department, int page, int size) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        String code = department == null || department.isBlank() ? single(caller) : department.strip();
        if (!caller.canSee(code)) {
            throw new NotFoundException("no department " + code);
        }
        Page.Request asked = Page.request(page, size, 200);
        return unitOfWork.call(() -> asked.of(documents.countInbox(code),
                documents.inbox(code, asked.offset(), asked.size()).stream().map(DocumentView::of).toList()));
    }

    private static String single(Caller caller) {
        if (caller.departments().size() == 1) {
            return caller.departments().iterator().next();
        }
        throw new InvalidInputException("department", "name the department whose inbox to show");
    }
}
