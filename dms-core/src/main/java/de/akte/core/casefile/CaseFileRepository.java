package de.akte.core.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores and finds case files and their processes. */
public interface CaseFileRepository {
    Optional<CaseFile> find(long id);

    Optional<CaseFile> findByReference(FileReference reference);

    /**
     * Case files whose reference starts with the given text (case-insensitive), limited to the
     * departments given ({@code null} = all).
     */
    List<CaseFile> findByReferencePrefix(String prefix, Collection<String> departments, int offset, int limit);

    long countByReferencePrefix(String prefix, Collection<String> departments);

    void add(CaseFile caseFile);

    Optional<Process> findProcess(long id);

    List<Process> processesOf(CaseFile caseFile);

    void addProcess(Process process);

    /** Closed case files after the given id, ascending, in slices (for the disposal list). */
    List<CaseFile> closedAfter(long afterId, int limit);

    /** Removes a case file and its processes; its documents must be gone already. */
    void remove(CaseFile caseFile);
}
