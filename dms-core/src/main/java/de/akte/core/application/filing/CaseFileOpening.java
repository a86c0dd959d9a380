package de.akte.core.application.filing;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.FileReference;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.department.ReferenceNamespace;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.fileplan.FilePlanRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Opening a case file: its reference must lie in its department's own numbering, and a reference is taken once.
 */
public class CaseFileOpening {

    private final UnitOfWork unitOfWork;
    private final CaseFileRepository caseFiles;
    private final DepartmentRepository departments;
    private final FilePlanRepository filePlans;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseFileOpening(UnitOfWork unitOfWork, CaseFileRepository caseFiles, DepartmentRepository departments,
                           FilePlanRepository filePlans, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.caseFiles = caseFiles;
        this.departments = departments;
        this.filePlans = filePlans;
        this.audit = audit;
        this.clock = clock;
    }

    CaseFileView open(Caller caller, NewCaseFile request) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        FileReference reference = null;
        try {
            reference = new FileReference(request.fileReference());
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInputException.FieldError("fileReference", e.getMessage()));
        }
        if (request.title() == null || request.title().isBlank()) {
            errors.add(new InvalidInputException.FieldError("title", "a case file needs a title"));
        } else if (request.title().strip().length() > 500) {
            errors.add(new InvalidInputException.FieldError("title", "title is longer than 500 characters"));
        }
        if (request.department() == null || request.department().isBlank()) {
            errors.add(new InvalidInputException.FieldError("department", "a case file needs a department"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the case file request is incomplete", errors);
        }
        FileReference ref = reference;
        return unitOfWork.call(() -> {
            Department department = departments.findByCode(request.department().strip())
                    .filter(d -> caller.canSee(d.code()))
                    .orElseThrow(() -> new InvalidInputException("department", "no department " + request.department()));
            requireOwnNumbering(department, ref);
            FilePlanNode node = null;
            if (request.filePlanNode() != null && !request.filePlanNode().isBlank()) {
                node = filePlans.findNodeByCode(request.filePlanNode().strip())
                        .orElseThrow(() -> new InvalidInputException("filePlanNode",
                                "no file plan node " + request.filePlanNode()));
            }
            // inside the department's own namespace a taken reference can only be the department's own
            if (caseFiles.findByReference(ref).isPresent()) {
                throw new ConflictException("a case file " + ref + " exists already");
            }
            CaseFile caseFile = new CaseFile(ref, request.title(), department, node,
                    request.openedOn() != null ? request.openedOn() : clock.today(), clock.now(), caller.username());
            caseFiles.add(caseFile);
            audit.record(caller.username(), AuditAction.CREATE, "caseFile", caseFile.id().toString(),
                    "fileReference=" + ref + "; department=" + department.code());
            return CaseFileService.toView(caseFile);
        });
    }

    /**
     * Refuses a reference outside the department's namespace. The answer names only the department's own
     * prefixes, so a reference another department owns (used or not) reads like any other foreign one.
     */
    private void requireOwnNumbering(Department department, FileReference ref) {
        ReferenceNamespace own = department.referenceNamespace();
        OptionalInt claim = own.claim(ref.value());
        // a longer or equal claim of another department wins: namespaces set before numbering existed may overlap
        boolean ours = claim.isPresent() && departments.findAll().stream()
                .filter(other -> !other.code().equals(department.code()))
                .noneMatch(other -> other.referenceNamespace().claim(ref.value()).orElse(-1) >= claim.getAsInt());
        if (!ours) {
            throw new InvalidInputException("fileReference", "case files of department " + department.code()
                    + " have references beginning with " + own.describe());
        }
    }
}
