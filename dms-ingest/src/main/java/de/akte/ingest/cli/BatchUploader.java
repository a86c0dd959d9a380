package de.akte.ingest.cli;

import de.akte.ingest.imports.source.ImportSource;
import de.akte.ingest.imports.source.ImportSourceException;
import de.akte.ingest.imports.source.SourceFile;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Imports a folder or ZIP file as one batch: opens (or continues) the batch on the server, sends every file the batch
 * does not hold yet with its manifest metadata, completes the batch and prints the report.
 */
public final class BatchUploader {

    private final ImportOptions options;
    private final PrintStream out;
    private final ImportClient client;
    private final PageCounter pageCounter = new PageCounter();

    public BatchUploader(ServerConnection connection, ImportOptions options, PrintStream out) {
        this(connection, options, out, RetryPolicy.standard());
    }

    BatchUploader(ServerConnection connection, ImportOptions options, PrintStream out, RetryPolicy retries) {
        this.options = options;
        this.out = out;
        this.client = new ImportClient(new ApiClient(connection), retries);
    }

    /**
     * Runs the import. Usage problems (missing source, bad manifest, batch refused) throw
     * {@link ImportUsageException}; an unreachable server or refused login ends the run early with a partial report.
     */
    public ImportReport run(Path source) {
        if (!Files.exists(source)) {
            throw new ImportUsageException("no folder or ZIP file " + source);
        }
        Manifest manifest = options.manifest() == null ? Manifest.empty() : new ManifestParser().parse(options.manifest());
        try (ImportSource files = open(source)) {
            List<String> mismatches = options.manifest() == null ? List.of() : mismatches(manifest, files.files());
            mismatches.forEach(mismatch -> out.println("warning: " + mismatch));
            return upload(source, manifest, files, mismatches);
        }
    }

    private ImportSource open(Path source) {
        try {
            return ImportSource.open(source, options.manifest());
        } catch (ImportSourceException e) {
            throw new ImportUsageException(e.getMessage(), e);
        }
    }

    private ImportReport upload(Path source, Manifest manifest, ImportSource files, List<String> mismatches) {
        String hostname = BatchKey.localHostname();
        String key = options.batchKey() != null ? options.batchKey() : BatchKey.derive(hostname, source);
        String sourceName = "cli:" + hostname + ":" + BatchKey.normalised(source);
        List<ItemOutcome> outcomes = new ArrayList<>(files.refused().stream()
                .map(refused -> ItemOutcome.failed(refused.path(), null, refused.reason())).toList());
        OpenedBatch batch;
        Map<String, RemoteItem> held;
        try {
            batch = client.open(key, sourceName, options, files.files().size());
            held = batch.resumed() ? client.items(batch.id()) : Map.of();
        } catch (RunStoppedException e) {
            return report(outcomes, mismatches, null, false, e.getMessage(), files.files().size());
        }
        out.println((batch.resumed() ? "Continuing" : "Started") + " import batch " + batch.id() + " (key " + key
                + "): " + files.files().size() + " files");

        List<SourceFile> toSend = new ArrayList<>();
        for (SourceFile file : files.files()) {
            RemoteItem remote = held.get(file.path());
            if (remote != null && remote.alreadyHolds(file)) {
                outcomes.add(new ItemOutcome(file.path(), remote.state(), remote.documentId(), remote.pages(),
                        ItemOutcome.ALREADY_IMPORTED));
            } else {
                toSend.add(file);
            }
        }
        AtomicReference<String> stopReason = new AtomicReference<>();
        Queue<ItemOutcome> sent = new ConcurrentLinkedQueue<>();
        try (ProgressMonitor progress = new ProgressMonitor(out, options.terminal(), files.files().size(),
                files.files().size() - toSend.size())) {
            sendAll(batch.id(), manifest, toSend, progress, sent, stopReason);
        }
        outcomes.addAll(sent);
        if (stopReason.get() == null) {
            try {
                client.complete(batch.id());
            } catch (RunStoppedException e) {
                stopReason.set(e.getMessage());
            }
        }
        Set<String> sentPaths = sent.stream().map(ItemOutcome::path).collect(Collectors.toSet());
        int notSent = (int) toSend.stream().filter(file -> !sentPaths.contains(file.path())).count();
        return report(outcomes, mismatches, batch.id(), batch.resumed(), stopReason.get(), notSent);
    }

    private void sendAll(long batchId, Manifest manifest, List<SourceFile> toSend, ProgressMonitor progress,
                         Queue<ItemOutcome> sent, AtomicReference<String> stopReason) {
        ExecutorService workers = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (SourceFile file : toSend) {
                tasks.add(workers.submit(() -> {
                    if (stopReason.get() != null) {
                        return;
                    }
                    Integer pages = pageCounter.pages(file.file());
                    UploadFields fields = UploadFields.of(options, manifest.row(file.path()).orElse(null));
                    try {
                        sent.add(client.upload(batchId, file, fields, pages));
                        progress.sent(pages);
                    } catch (RunStoppedException e) {
                        stopReason.compareAndSet(null, e.getMessage());
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason.compareAndSet(null, "interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("an upload thread failed unexpectedly", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private ImportReport report(List<ItemOutcome> outcomes, List<String> mismatches, Long batchId, boolean resumed,
                                String stopReason, int notSent) {
        List<ItemOutcome> sorted = outcomes.stream().sorted(Comparator.comparing(ItemOutcome::path)).toList();
        ImportReport report = new ImportReport(
                sorted.stream().filter(o -> ItemOutcome.IMPORTED.equals(o.state()) && !o.alreadyImported()).toList(),
                sorted.stream().filter(ItemOutcome::alreadyImported).toList(),
                sorted.stream().filter(o -> ItemOutcome.DUPLICATE.equals(o.state()) && !o.alreadyImported()).toList(),
                sorted.stream().filter(o -> ItemOutcome.FAILED.equals(o.state())).toList(),
                mismatches, batchId, resumed, stopReason);
        new ReportPrinter(out).print(report, notSent);
        return report;
    }

    /** Manifest rows naming no file, and files no row describes (those go in with the command-line defaults). */
    static List<String> mismatches(Manifest manifest, List<SourceFile> files) {
        Set<String> paths = files.stream().map(SourceFile::path).collect(Collectors.toSet());
        List<String> mismatches = new ArrayList<>();
        for (ManifestRow row : manifest.rows()) {
            if (!paths.contains(row.file())) {
                mismatches.add("manifest line " + row.line() + " names " + row.file() + ", which is not in the source");
            }
        }
        for (SourceFile file : files) {
            if (manifest.row(file.path()).isEmpty()) {
                mismatches.add(file.path() + " has no manifest row; imported with the command-line defaults");
            }
        }
        return mismatches;
    }
}
