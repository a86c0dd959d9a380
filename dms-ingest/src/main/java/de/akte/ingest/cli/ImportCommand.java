package de.akte.ingest.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code akte import}: sends a folder or ZIP file of scans to the server as one resumable batch. */
@Command(name = "import",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = AkteCli.Version.class,
        description = {
            "Imports every file of a folder (recursively) or of a ZIP file into Akte as one import batch.",
            "Running the same command again continues the batch: files already imported are skipped, failed and "
                    + "new ones are sent."},
        footerHeading = "%nManifest (--manifest):%n",
        footer = {
            "  A CSV file in UTF-8 (with or without BOM), separated by ; or , as the",
            "  header line is. Values may be quoted with \"...\" (write \"\" for a quote).",
            "  The first line names the columns; only file is required:",
            "    file;caseFile;department;documentType;title;date",
            "  file   path relative to the folder or ZIP, e.g. 2024/bescheid-17.pdf",
            "  date   dd.MM.yyyy or yyyy-MM-dd",
            "  A value in a row overrides the command-line default. Files without a row",
            "  are imported with the defaults; rows naming no file and files without a",
            "  row are reported as warnings before the upload and in the report.",
            "",
            "Password: from the environment variable AKTE_PASSWORD, else asked on the",
            "terminal.",
            "",
            "Left out: hidden files and folders (.*), Akte's own .akte* files and the",
            "manifest itself. ZIP entries with .. in their path are refused (failed).",
            "",
            "Re-running the same command continues the same batch (see --batch)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all files imported (or already imported, or duplicates)",
            "1:some files failed (listed in the report; run again to retry them)",
            "2:usage error (bad option, unreadable manifest, no password, batch refused)",
            "3:server not reachable or login refused; partial report, run again to continue"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder|zip>", description = "Folder (searched recursively) or ZIP file.")
    private Path source;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "Akte server, e.g. http://akte.example:8080")
    private URI server;

    @Option(names = "--user", required = true, paramLabel = "NAME",
            description = "User with the role SCANNER or ADMIN.")
    private String user;

    @Option(names = "--case-file", paramLabel = "REF", description = "Case file reference for all documents.")
    private String caseFile;

    @Option(names = "--department", paramLabel = "CODE", description = "Department code for all documents.")
    private String department;

    @Option(names = "--document-type", paramLabel = "TYPE", description = "Document type for all documents.")
    private String documentType;

    @Option(names = "--manifest", paramLabel = "FILE", description = "CSV with metadata per file (see below).")
    private Path manifest;

    @Option(names = "--batch", paramLabel = "KEY",
            description = "Batch key; default: derived from this computer and the source path, so a re-run "
                    + "continues the same batch.")
    private String batchKey;

    @Option(names = "--scanned-by", paramLabel = "NAME", description = "Who scanned the documents (for the protocol).")
    private String scannedBy;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Parallel uploads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--verbose", description = "Show stack traces with errors.")
    private boolean verbose;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        try {
            if (threads < 1 || threads > 32) {
                throw new ImportUsageException("--threads must be between 1 and 32, not " + threads);
            }
            String password = new PasswordPrompt(System.getenv(), System.console()).password(user);
            ImportOptions options = ImportOptions.standard()
                    .withCaseFile(caseFile).withDepartment(department).withDocumentType(documentType)
                    .withManifest(manifest).withBatchKey(batchKey).withScannedBy(scannedBy)
                    .withThreads(threads).withTerminal(System.console() != null);
            return new BatchUploader(new ServerConnection(server, user, password), options, out).run(source).exitCode();
        } catch (ImportUsageException e) {
            return error(e, ImportReport.USAGE);
        }
    }

    private int error(Exception e, int exitCode) {
        PrintStream err = System.err;
        err.println("akte import: " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err);
        }
        return exitCode;
    }
}
