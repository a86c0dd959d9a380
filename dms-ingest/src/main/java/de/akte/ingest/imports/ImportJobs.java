package de.akte.ingest.imports;

/** Runs server-side imports in the background (in the server: the container's batch runtime). */
public interface ImportJobs {

    /** Starts the job that imports the batch's folder or ZIP ({@link ServerImportRun}). */
    void start(long batchId);
}
