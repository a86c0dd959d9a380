package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.hold.HoldTarget;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.shared.NotFoundException;

import java.util.List;
import java.util.Set;

/** What a legal hold covers: a case file with all its documents, or one document; as the blobs storage holds. */
public class HoldTargets {

    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;

    public HoldTargets(CaseFileRepository caseFiles, DocumentRepository documents) {
        this.caseFiles = caseFiles;
        this.documents = documents;
    }

    /** The blobs of a target the caller may see; a hidden or missing one is not found (inside a unit of work). */
    Set<String> blobsOf(Caller caller, HoldTarget type, long id) {
        if (type == HoldTarget.CASE_FILE) {
            CaseFile c = Access.visible(caller, caseFiles.find(id)
                    .orElseThrow(() -> new NotFoundException("no case file " + id)), String.valueOf(id));
            return RecordsProtection.blobsOf(documents.findInCaseFile(c));
        }
        Document d = Access.visible(caller, documents.find(id)
                .orElseThrow(() -> new NotFoundException("no document " + id)), id);
        return RecordsProtection.blobsOf(List.of(d));
    }

    /** The blobs of a target if it still exists, else none (inside a unit of work). */
    Set<String> blobsOfExisting(HoldTarget type, long id) {
        if (type == HoldTarget.CASE_FILE) {
            return caseFiles.find(id).map(c -> RecordsProtection.blobsOf(documents.findInCaseFile(c))).orElse(Set.of());
        }
        return documents.find(id).map(d -> RecordsProtection.blobsOf(List.of(d))).orElse(Set.of());
    }
}
