package de.akte.ingest.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.testing.ArchivalScans;
import de.akte.ingest.testing.LetterScans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registration that makes JPEG 2000 and JBIG2 decodable in a server whose ImageIO registry was made by a thread
 * that could not see the deployment's libraries: simulated by taking the decoders out of this JVM's registry.
 */
class ImageDecodersTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheRegistry() {
        ImageIO.scanForPlugins();
    }

    @Test
    void registersTheArchivalDecodersInARegistryThatLacksThemAndTakesThemOutAgain() throws IOException {
        Path pdf = dir.resolve("jpx.pdf");
        Path jp2 = dir.resolve("seite.jp2");
        ArchivalScans.toJpeg2000(LetterScans.blank(200, 300), 1, false, jp2);
        ArchivalScans.toJpxPdf(jp2, 200, 300, 300, pdf);
        ScannedPageReader reader = new ScannedPageReader(ImageLimits.defaults());
        removeDecoders();
        assertFalse(ImageIO.getImageReadersByFormatName("JPEG2000").hasNext());
        assertFalse(ImageIO.getImageReadersByFormatName("JBIG2").hasNext());
        UnreadableContentException missing = assertThrows(UnreadableContentException.class, () -> {
            try (ScannedPages pages = reader.open(pdf, "application/pdf")) {
                pages.page(0);
            }
        });
        assertEquals("Page 1 of the PDF holds an image this server has no decoder for (JPEG2000); an administrator "
                + "can retry the document once one is installed", missing.getMessage());

        try (ImageDecoders decoders = ImageDecoders.register()) {
            assertEquals(Map.of("JPEG2000", true, "JBIG2", true), decoders.availability());
            try (ScannedPages pages = reader.open(pdf, "application/pdf")) {
                assertEquals(200, pages.page(0).image().getWidth());
            }
            try (ScannedPages pages = reader.open(jp2, "image/jp2")) {
                assertEquals(300, pages.page(0).image().getHeight());
            }
        }
        assertFalse(ImageIO.getImageReadersByFormatName("JPEG2000").hasNext(), "closing deregisters them");
    }

    private static void removeDecoders() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> archival = new ArrayList<>();
        registry.getServiceProviders(ImageReaderSpi.class, true).forEachRemaining(spi -> {
            String name = spi.getClass().getName();
            if (name.contains("jpeg2000") || name.contains("jbig2")) {
                archival.add(spi);
            }
        });
        archival.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
    }
}
