package de.akte.ingest.pages;

import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.image.DecodedPageBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page cache keeps rendered pages by content and drops them when the content's record is destroyed. */
class RenderedPagesTest {

    @TempDir
    Path cache;

    @TempDir
    Path sources;

    @Test
    void forgettingContentDropsEveryKeptPageOfItAndNothingElse() throws IOException {
        RenderedPages pages = new RenderedPages(cache, new DecodedPageBudget(64L * 1024 * 1024));
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

    @Test
    void pageImageHoldsItsMemoryOnlyWhileItIsRenderedAndOneTooLargeForTheBudgetIsRefusedWithReason() {
        DecodedPageBudget budget = new DecodedPageBudget(1024L * 1024);
        RenderedPages pages = new RenderedPages(cache, budget);

        pages.render("cd".repeat(32), () -> png("small"), "image/png", 0, 100);
        assertEquals(budget.bytes(), budget.availableBytes());

        UnreadableContentException refused = assertThrows(UnreadableContentException.class,
                () -> pages.render("ce".repeat(32), () -> png("large", 1000, 1000), "image/png", 0, 100));
        assertTrue(refused.getMessage().startsWith("Page 1 of the image (1000 × 1000 pixels) needs about"),
                refused.getMessage());
        assertEquals(budget.bytes(), budget.availableBytes());
    }

    private Path png(String name) {
        return png(name, 200, 300);
    }

    private Path png(String name, int width, int height) {
        try {
            Path file = sources.resolve(name + ".png");
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
