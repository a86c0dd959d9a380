package de.akte.ingest.hotfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stands in for the server's import service: records what it was given and refuses or fails on request. */
final class RecordingImporter implements HotFolderImporter {

    /** One call, with the content as the importer could read it at that moment. */
    record Call(String relativePath, String content) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> rejections = new HashMap<>();
    private final Map<String, Integer> remainingFailures = new HashMap<>();
    private long nextId = 1;

    void reject(String relativePath, String reason) {
        rejections.put(relativePath, reason);
    }

    void fail(String relativePath, int times) {
        remainingFailures.put(relativePath, times);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> importedPaths() {
        return calls.stream().map(Call::relativePath).toList();
    }

    @Override
    public long importFile(Path file, String relativePath) {
        try {
            calls.add(new Call(relativePath, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int failures = remainingFailures.getOrDefault(relativePath, 0);
        if (failures > 0) {
            remainingFailures.put(relativePath, failures - 1);
            throw new IllegalStateException("database briefly unavailable");
        }
        if (rejections.containsKey(relativePath)) {
            throw new HotFolderRejection(rejections.get(relativePath));
        }
        return nextId++;
    }
}
