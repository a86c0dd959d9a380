package de.akte.ingest.recognition;

import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.pdfa.ArchivalMetadata;
import de.akte.ingest.pdfa.ArchivalPdfWriter;
import de.akte.ingest.pdfa.ImagePage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Writes the pages of one part of a scanned batch into a PDF of its own, the page images unchanged. */
final class BatchPartWriter {

    private final ArchivalPdfWriter writer;

    BatchPartWriter(ArchivalPdfWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** A PDF/A holding the given scanned pages of an image file (PNG, JPEG, TIFF). */
    Path fromImages(List<ImagePage> pages, String title) {
        Path part = newFile();
        try (OutputStream out = Files.newOutputStream(part)) {
            writer.writeImages(pages, new ArchivalMetadata(title, null, Instant.now()), out);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("Could not write a part of the scanned batch", e);
        }
        return part;
    }

    /** A PDF holding the given pages (0-based) of a PDF, copied as they are. */
    Path fromPdf(Path source, List<Integer> pageIndices) {
        Path part = newFile();
        try (PDDocument batch = Loader.loadPDF(source.toFile(), IOUtils.createTempFileOnlyStreamCache());
             PDDocument target = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            for (int index : pageIndices) {
                target.importPage(batch.getPage(index));
            }
            target.save(part.toFile());
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UnreadableContentException("A part of the scanned batch could not be copied out of the PDF", e);
        }
        return part;
    }

    private static Path newFile() {
        try {
            return Files.createTempFile("akte-part-", ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the original failure matters more
        }
    }
}
