package de.akte.ingest.cli;

import java.util.List;

/**
 * Result of one import run. {@code skipped} holds files the batch had already imported in an earlier run;
 * {@code stopReason} is set when the run was cut short because the server could not be reached or refused the login.
 */
public record ImportReport(List<ItemOutcome> imported, List<ItemOutcome> skipped, List<ItemOutcome> duplicates,
                           List<ItemOutcome> failed, List<String> mismatches, Long batchId, boolean resumed,
                           String stopReason) {

    public static final int OK = 0;
    public static final int ITEMS_FAILED = 1;
    public static final int USAGE = 2;
    public static final int SERVER_UNAVAILABLE = 3;

    public ImportReport {
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
        duplicates = List.copyOf(duplicates);
        failed = List.copyOf(failed);
        mismatches = List.copyOf(mismatches);
    }

    public boolean stopped() {
        return stopReason != null;
    }

    /** 0 all files are in, 1 some failed, 3 the run stopped early (server unreachable or login refused). */
    public int exitCode() {
        if (stopped()) {
            return SERVER_UNAVAILABLE;
        }
        return failed.isEmpty() ? OK : ITEMS_FAILED;
    }
}
