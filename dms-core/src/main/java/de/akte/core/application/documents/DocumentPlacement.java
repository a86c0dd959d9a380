package de.akte.core.application.documents;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.FileReference;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;

import java.util.Optional;

/**
 * Where a new document (or import) belongs: the department and case file a request names, as far as the caller
 * may see them. A hidden or missing department or case file answers with the same words.
 */
public class DocumentPlacement {

    private final CaseFileRepository caseFiles;
    private final DepartmentRepository departments;

    public DocumentPlacement(CaseFileRepository caseFiles, DepartmentRepository departments) {
        this.caseFiles = caseFiles;
        this.departments = departments;
    }

    /** A department and, if named, an open case file of it. */
    public record Place(Department department, CaseFile caseFile) {
    }

    /**
     * The place a request names (inside a unit of work): the case file if one is named (it must be open), else
     * the named department, else the caller's only department.
     */
    public Place place(Caller caller, String caseFileReference, String departmentCode) {
        CaseFile caseFile = caseFileReference == null || caseFileReference.isBlank()
                ? null : caseFile(caller, caseFileReference);
        if (caseFile != null) {
            // checked here too, so that an upload into a closed file stores no bytes
            caseFile.requireOpen("it takes no new documents");
        }
        Department department;
        if (departmentCode != null && !departmentCode.isBlank()) {
            department = department(caller, departmentCode);
            if (caseFile != null && !caseFile.department().code().equals(department.code())) {
                throw new InvalidInputException("caseFile", "case file " + caseFile.fileReference()
                        + " belongs to department " + caseFile.department().code() + ", not " + department.code());
            }
        } else if (caseFile != null) {
            department = caseFile.department();
        } else if (caller.departments().size() == 1) {
            department = departments.findByCode(caller.departments().iterator().next())
                    .orElseThrow(() -> new InvalidInputException("department", "your department no longer exists"));
        } else {
            throw new InvalidInputException("department",
                    "name the department or the case file the document belongs to");
        }
        return new Place(department, caseFile);
    }

    /** A case file the caller may see, by its reference; a wrong, hidden or missing one is a wrong input. */
    public CaseFile caseFile(Caller caller, String reference) {
        FileReference ref;
        try {
            ref = new FileReference(reference);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("caseFile", e.getMessage());
        }
        return caseFiles.findByReference(ref)
                .filter(c -> caller.canSee(c.department().code()))
                .orElseThrow(() -> new InvalidInputException("caseFile", "no case file " + ref));
    }

    /** A department the caller may see, by its code; a hidden or missing one is a wrong input. */
    public Department department(Caller caller, String code) {
        return departments.findByCode(code.strip())
                .filter(d -> caller.canSee(d.code()))
                .orElseThrow(() -> new InvalidInputException("department", "no department " + code.strip()));
    }

    /** The department with this code, whoever may see it. */
    public Optional<Department> anyDepartment(String code) {
        return departments.findByCode(code);
    }

    /** The case file with this reference, whoever may see it; empty for a malformed or unknown reference. */
    public Optional<CaseFile> anyCaseFile(String reference) {
        try {
            return caseFiles.findByReference(new FileReference(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
