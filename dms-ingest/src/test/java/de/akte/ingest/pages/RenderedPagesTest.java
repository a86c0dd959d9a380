package de.akte.ingest.pages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page cache keeps rendered pages by content and drops them when the content's record is destroyed. */
class RenderedPagesTest {

    @TempDir
    Path cache;

    @TempDir
    Path sources;

    @Test
    void forgettingContentDropsEveryKeptPageOfItAndNothingElse() throws IOException {
        RenderedPages pages = new RenderedPages(cache);
        String destroyed = "ab".repeat(32);
        String kept = "ac".repeat(32);
        pages.render(destroyed, () -> png("d"), "image/png", 0, 100);
        pages.render(destroyed, () -> png("d2"), "image/png", 0, 50);
        pages.render(kept, () -> png("k"), "image/png", 0, 100);
        assertTrue(Files.exists(cache.resolve("ab").resolve(destroyed + "-0-100.png")));

        pages.forget(destroyed);

        assertFalse(Files.exists(cache.resolve("ab").resolve(destroyed + "-0-100.png")));
        assertFalse(Files.exists(cache.resolve("ab").resolve(destroyed + "-0-50.png")));
        assertTrue(Files.exists(cache.resolve("ac").resolve(kept + "-0-100.png")));
        pages.forget("ff".repeat(32));
    }

    private Path png(String name) {
        try {
            Path file = sources.resolve(name + ".png");
            ImageIO.write(new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
