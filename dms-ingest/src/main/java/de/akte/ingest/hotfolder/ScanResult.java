package de.akte.ingest.hotfolder;

import java.util.List;

/**
 * What one pass over the hot folder did.
 *
 * @param imported relative paths of files imported and moved to {@code done/}
 * @param failed   relative paths of files rejected and moved to {@code error/}
 * @param waiting  files left in place: still being written, locked, or to be retried after a transient failure
 */
public record ScanResult(List<String> imported, List<String> failed, int waiting) {

    public ScanResult {
        imported = List.copyOf(imported);
        failed = List.copyOf(failed);
    }
}
