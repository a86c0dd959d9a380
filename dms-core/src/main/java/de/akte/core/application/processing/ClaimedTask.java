package de.akte.core.application.processing;

import de.akte.core.scanning.MalwareScan;

/** A processing task a worker holds, with what it needs of the version outside the transaction. */
record ClaimedTask(long taskId, long documentId, long versionId, int versionNumber, String sha256, String fileName,
                   String title, MalwareScan scanned) {
}
