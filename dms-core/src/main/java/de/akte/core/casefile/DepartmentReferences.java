package de.akte.core.casefile;

import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a file reference that automation found (OCR text, separator sheet, manifest, a rule) within the one
 * department a record was brought into: a record is never filed out of it.
 */
public final class DepartmentReferences {

    private final CaseFileRepository caseFiles;

    public DepartmentReferences(CaseFileRepository caseFiles) {
        this.caseFiles = Objects.requireNonNull(caseFiles, "caseFiles");
    }

    public ReferenceResolution resolve(String departmentCode, String reference) {
        Optional<CaseFile> found;
        try {
            found = caseFiles.findByReference(new FileReference(reference));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return new ReferenceResolution(ReferenceResolution.Outcome.MISSING, null);
        }
        CaseFile caseFile = found.get();
        if (!caseFile.department().code().equals(departmentCode)) {
            return new ReferenceResolution(ReferenceResolution.Outcome.ELSEWHERE, caseFile);
        }
        return new ReferenceResolution(caseFile.closedOn().isPresent()
                ? ReferenceResolution.Outcome.CLOSED : ReferenceResolution.Outcome.OPEN, caseFile);
    }
}
