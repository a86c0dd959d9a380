package de.akte.ingest.cli;

import java.io.PrintStream;
import java.util.List;

/** Writes the final report of a run for the person at the scanner. */
final class ReportPrinter {

    private final PrintStream out;

    ReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(ImportReport report, int notSent) {
        out.println();
        out.println("Import " + (report.batchId() == null ? "(no batch opened)" : "batch " + report.batchId())
                + (report.resumed() ? " (continued from an earlier run)" : ""));
        out.println("  imported:          " + report.imported().size());
        out.println("  already imported:  " + report.skipped().size());
        out.println("  duplicates:        " + report.duplicates().size());
        for (ItemOutcome duplicate : report.duplicates()) {
            out.println("    " + duplicate.path() + (duplicate.documentId() == null ? ""
                    : " (same content as document " + duplicate.documentId() + ")"));
        }
        out.println("  failed:            " + report.failed().size());
        for (ItemOutcome failure : report.failed()) {
            out.println("    " + failure.path() + ": " + failure.reason());
        }
        list("manifest mismatches", report.mismatches());
        if (report.stopped()) {
            out.println("STOPPED: " + report.stopReason());
            out.println("  " + notSent + " file(s) not sent; run the same command again to continue.");
        }
    }

    private void list(String heading, List<String> lines) {
        out.println("  " + heading + ": " + lines.size());
        for (String line : lines) {
            out.println("    " + line);
        }
    }
}
