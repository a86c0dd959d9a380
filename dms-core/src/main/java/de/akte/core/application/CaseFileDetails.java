package de.akte.core.application;

import java.util.List;

/** One case file with its processes and the documents the caller may see. */
public record CaseFileDetails(CaseFileView caseFile, List<ProcessView> processes, List<DocumentView> documents) {

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
    }
}
