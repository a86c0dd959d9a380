package de.akte.ingest.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Saves a scope's model in one compressed file beside its index, written to a temporary file, synced and then
 * renamed over the old one, so a crash leaves the old snapshot or the new one. Saves are spaced out: after
 * {@code everyFilings} filings or, with any unsaved, {@code everyNanos} after the last save. A crash loses at most
 * those filings from the model, and they are learned again from the index on the next start, because the snapshot
 * names the last filing number it includes. An unreadable or incompatible snapshot is ignored (the scope is then
 * learned again from its index), never half used.
 */
final class FileModelSnapshots implements ModelSnapshots {

    private static final Logger LOG = Logger.getLogger(FileModelSnapshots.class.getName());
    private static final int MAGIC = 0x414b4d31; // "AKM1"
    private static final int FORMAT = 1;

    private final Path file;
    private final int everyFilings;
    private final long everyNanos;
    private long savedSequence = -1;
    private long savedAt = System.nanoTime();

    FileModelSnapshots(Path file, int everyFilings, long everyNanos) {
        this.file = file;
        this.everyFilings = everyFilings;
        this.everyNanos = everyNanos;
    }

    @Override
    public Optional<LearnedScope.ModelState> load(ModelSettings settings) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(Files.newInputStream(file)), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readInt() != settings.bits()) {
                LOG.warning(() -> "model snapshot " + file + " is of another format; the scope is learned again");
                return Optional.empty();
            }
            long sequence = in.readLong();
            DocumentFrequencies frequencies = DocumentFrequencies.read(in);
            Map<String, LabelModel> labels = new LinkedHashMap<>();
            int labelCount = in.readInt();
            for (int i = 0; i < labelCount; i++) {
                labels.put(in.readUTF(), LabelModel.read(settings, in));
            }
            Map<String, ConfidenceCalibration> calibrations = new LinkedHashMap<>();
            int calibrationCount = in.readInt();
            for (int i = 0; i < calibrationCount; i++) {
                calibrations.put(in.readUTF(), ConfidenceCalibration.read(in));
            }
            savedSequence = sequence;
            savedAt = System.nanoTime();
            return Optional.of(new LearnedScope.ModelState(frequencies, labels, calibrations, sequence));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "model snapshot " + file + " cannot be read; the scope is learned again", e);
            return Optional.empty();
        }
    }

    @Override
    public void save(LearnedScope.ModelState state, ModelSettings settings) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(raw), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeInt(settings.bits());
                out.writeLong(state.sequence());
                state.frequencies().write(out);
                out.writeInt(state.labels().size());
                for (Map.Entry<String, LabelModel> label : state.labels().entrySet()) {
                    out.writeUTF(label.getKey());
                    label.getValue().write(out);
                }
                out.writeInt(state.neighbourCalibrations().size());
                for (Map.Entry<String, ConfidenceCalibration> calibration : state.neighbourCalibrations().entrySet()) {
                    out.writeUTF(calibration.getKey());
                    calibration.getValue().write(out);
                }
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            savedSequence = state.sequence();
            savedAt = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the classifier model to " + file, e);
        }
    }

    @Override
    public boolean due(long sequence) {
        long unsaved = sequence - savedSequence;
        return unsaved >= everyFilings || unsaved > 0 && System.nanoTime() - savedAt >= everyNanos;
    }

    @Override
    public long savedSequence() {
        return savedSequence;
    }
}
