package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentView;
import java.util.List;

/**
 * One case file with its processes and the documents the caller may see.
 *
 * @param filePlanPath the file plan units from the top down to the one the case file is filed under (empty if none)
 */
public record CaseFileDetails(CaseFileView caseFile, List<ProcessView> processes, List<DocumentView> documents,
                              List<FilePlanUnit> filePlanPath) {

    /** One unit (Aktenplaneinheit) of the file plan: code and title. */
    public record FilePlanUnit(String code, String title) {
    }

    /** A process with the documents filed under it. */
    public record ProcessView(long id, String title, java.time.Instant createdAt, String createdBy,
                              List<DocumentView> documents) {
        public ProcessView {
            documents = List.copyOf(documents);
        }
    }

    public CaseFileDetails {
        processes = List.copyOf(processes);
        documents = List.copyOf(documents);
        filePlanPath = filePlanPath == null ? List.of() : List.copyOf(filePlanPath);
    }
}
