package de.akte.ingest.cli;

import java.nio.file.Path;

/**
 * Settings of one import run: defaults for the documents' metadata, the optional manifest, the batch key and how the
 * run shows its progress.
 */
public record ImportOptions(String caseFile, String department, String documentType, Path manifest, String batchKey,
                            String scannedBy, int threads, boolean terminal) {

    public static final int DEFAULT_THREADS = 2;

    public ImportOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** No metadata defaults, no manifest, derived batch key, two upload threads, plain progress lines. */
    public static ImportOptions standard() {
        return new ImportOptions(null, null, null, null, null, null, DEFAULT_THREADS, false);
    }

    public ImportOptions withCaseFile(String value) {
        return new ImportOptions(value, department, documentType, manifest, batchKey, scannedBy, threads, terminal);
    }

    public ImportOptions withDepartment(String value) {
        return new ImportOptions(caseFile, value, documentType, manifest, batchKey, scannedBy, threads, terminal);
    }

    public ImportOptions withDocumentType(String value) {
        return new ImportOptions(caseFile, department, value, manifest, batchKey, scannedBy, threads, terminal);
    }

    public ImportOptions withManifest(Path value) {
        return new ImportOptions(caseFile, department, documentType, value, batchKey, scannedBy, threads, terminal);
    }

    public ImportOptions withBatchKey(String value) {
        return new ImportOptions(caseFile, department, documentType, manifest, value, scannedBy, threads, terminal);
    }

    public ImportOptions withScannedBy(String value) {
        return new ImportOptions(caseFile, department, documentType, manifest, batchKey, value, threads, terminal);
    }

    public ImportOptions withThreads(int value) {
        return new ImportOptions(caseFile, department, documentType, manifest, batchKey, scannedBy, value, terminal);
    }

    public ImportOptions withTerminal(boolean value) {
        return new ImportOptions(caseFile, department, documentType, manifest, batchKey, scannedBy, threads, value);
    }
}
