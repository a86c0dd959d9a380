package de.akte.ingest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Counts the pages of a file before upload, for the progress line: PDF and (multi-page) TIFF by their content, any
 * other file as one page. The server counts again; this is only the client's estimate.
 */
final class PageCounter {

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};

    /** The page count, or null when a PDF or TIFF cannot be read (the server will say why). */
    Integer pages(Path file) {
        try {
            byte[] magic = magic(file);
            if (Arrays.equals(magic, PDF)) {
                try (PDDocument document = Loader.loadPDF(file.toFile())) {
                    return document.getNumberOfPages();
                }
            }
            if (Arrays.equals(magic, TIFF_LITTLE_ENDIAN) || Arrays.equals(magic, TIFF_BIG_ENDIAN)) {
                return tiffPages(file);
            }
            return 1;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] magic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }

    private static Integer tiffPages(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        }
    }
}
