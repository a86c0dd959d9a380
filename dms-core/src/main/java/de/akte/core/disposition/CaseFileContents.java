package de.akte.core.disposition;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.Process;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a case file holds at one moment, as far as a disposal is concerned: every version of every document
 * with its hash, and a fingerprint over those, the file's processes and its closing. Taken when a disposal is
 * approved and again before it runs; any difference means the approval no longer covers the file.
 *
 * @param caseFileId  the case file
 * @param fingerprint SHA-256 (hex) over the canonical description of the contents
 * @param versions    the versions, by document id and version number
 */
public record CaseFileContents(long caseFileId, String fingerprint, List<ApprovedVersion> versions) {

    public CaseFileContents {
        versions = List.copyOf(versions);
    }

    /** The contents of a case file with its processes and the documents filed in it. */
    public static CaseFileContents of(CaseFile caseFile, List<Process> processes, List<Document> documents) {
        long id = caseFile.id();
        List<ApprovedVersion> versions = new ArrayList<>();
        documents.stream().sorted(Comparator.comparing(Document::id)).forEach(d -> d.versions().stream()
                .sorted(Comparator.comparingInt(DocumentVersion::number))
                .forEach(v -> versions.add(new ApprovedVersion(id, d.id(), d.title(), v.number(), v.fileName(),
                        v.sha256()))));
        StringBuilder canonical = new StringBuilder("case-file ").append(id).append(' ')
                .append(caseFile.fileReference().value()).append(' ').append(caseFile.status()).append(' ')
                .append(caseFile.closedOn().map(Object::toString).orElse("-")).append('\n');
        processes.stream().map(Process::id).sorted().forEach(p -> canonical.append("process ").append(p).append('\n'));
        documents.stream().map(Document::id).sorted().forEach(d -> canonical.append("document ").append(d)
                .append('\n'));
        versions.forEach(v -> canonical.append("version ").append(v.documentId()).append(' ')
                .append(v.versionNumber()).append(' ').append(v.sha256()).append('\n'));
        return new CaseFileContents(id, sha256(canonical.toString()), versions);
    }

    /**
     * How these (current) contents differ from what was approved, in words for a records officer; empty when
     * they are the same.
     */
    public Optional<String> differenceFrom(String approvedFingerprint, List<ApprovedVersion> approved) {
        if (fingerprint.equals(approvedFingerprint)) {
            return Optional.empty();
        }
        Set<Long> before = approved.stream().map(ApprovedVersion::documentId).collect(Collectors.toCollection(TreeSet::new));
        Set<Long> now = versions.stream().map(ApprovedVersion::documentId).collect(Collectors.toCollection(TreeSet::new));
        List<String> changes = new ArrayList<>();
        Set<Long> added = new TreeSet<>(now);
        added.removeAll(before);
        Set<Long> removed = new TreeSet<>(before);
        removed.removeAll(now);
        if (!added.isEmpty()) {
            changes.add("documents added " + added);
        }
        if (!removed.isEmpty()) {
            changes.add("documents removed or moved out " + removed);
        }
        Set<Long> changedVersions = new TreeSet<>();
        for (long document : now) {
            if (before.contains(document) && !sameVersions(versionsOf(versions, document), versionsOf(approved, document))) {
                changedVersions.add(document);
            }
        }
        if (!changedVersions.isEmpty()) {
            changes.add("versions added or changed in documents " + changedVersions);
        }
        if (changes.isEmpty()) {
            changes.add("its processes or its closing changed");
        }
        return Optional.of(String.join("; ", changes));
    }

    private static List<ApprovedVersion> versionsOf(List<ApprovedVersion> all, long document) {
        return all.stream().filter(v -> v.documentId() == document).toList();
    }

    private static boolean sameVersions(List<ApprovedVersion> a, List<ApprovedVersion> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameContentAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
