package de.akte.ingest.pages;

import de.akte.core.recognition.PageTooLargeException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.image.DecodedPageBudget;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Page images: widths rounded to a few served ones, pixels capped, kept pages bounded in bytes. */
class RenderedPagesTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path cache;

    @TempDir
    Path sources;

    @Test
    void forgettingContentDropsEveryKeptPageOfItAndNothingElse() {
        RenderedPages pages = new RenderedPages(cache, budget());
        String destroyed = "ab".repeat(32);
        String kept = "ac".repeat(32);
        pages.render(destroyed, () -> png("d", 200, 300), "image/png", 0, 160);
        pages.render(destroyed, () -> png("d2", 200, 300), "image/png", 0, 320);
        pages.render(kept, () -> png("k", 200, 300), "image/png", 0, 160);
        assertTrue(Files.exists(cache.resolve("ab").resolve(destroyed + "-0-160.png")));

        pages.forget(destroyed);

        assertFalse(Files.exists(cache.resolve("ab").resolve(destroyed + "-0-160.png")));
        assertFalse(Files.exists(cache.resolve("ab").resolve(destroyed + "-0-320.png")));
        assertTrue(Files.exists(cache.resolve("ac").resolve(kept + "-0-160.png")));
        assertEquals(size(cache.resolve("ac").resolve(kept + "-0-160.png")), pages.cachedBytes());
        pages.forget("ff".repeat(32));
    }

    @Test
    void requestedWidthsAreRoundedUpToServedOnesSoOnePageKeepsFewFiles() throws IOException {
        List<Integer> served = List.of(40, 100, 250);
        RenderedPages pages = new RenderedPages(cache, budget(), new PageRenderLimits(served, 150_000_000L, 25_000_000L,
                1L << 20));

        for (int width = 1; width <= 250; width += 7) {
            int requested = width;
            BufferedImage image = read(pages.render(SHA, () -> png("p" + requested, 400, 600), "image/png", 0,
                    width));
            int expected = served.stream().filter(w -> w >= requested).findFirst().orElseThrow();
            assertEquals(expected, image.getWidth(), "width for a request of " + width);
        }

        try (Stream<Path> kept = Files.list(cache.resolve("ab"))) {
            assertEquals(served.size(), kept.count());
        }
    }

    @Test
    void refusesWidthWiderThanTheWidestWithReason() {
        RenderedPages pages = new RenderedPages(cache, budget());

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> pages.render(SHA, () -> png("p", 200, 300), "image/png", 0, 100_000));

        assertTrue(refused.getMessage().contains("wider than the widest page image of 4000"), refused.getMessage());
    }

    @Test
    void refusesImageWhoseHeightAtTheWidthExceedsTheProducedPixelCap() {
        RenderedPages pages = new RenderedPages(cache, budget(), new PageRenderLimits(List.of(160, 640, 1400), 150_000_000L,
                1_000_000L, 1L << 20));

        // a receipt strip 1:20: at 640 pixels wide it would be 640 × 12800
        PageTooLargeException refused = assertThrows(PageTooLargeException.class,
                () -> pages.render(SHA, () -> png("strip", 100, 2000), "image/png", 0, 640));

        assertTrue(refused.getMessage().contains("640 × 12800"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ask for a width of at most 160"), refused.getMessage());
        assertEquals(160, read(pages.render(SHA, () -> png("strip", 100, 2000), "image/png", 0, 160)).getWidth());
    }

    @Test
    void refusesImageOverTheDecodedPixelCapBeforeDecodingIt() {
        RenderedPages pages = new RenderedPages(cache, budget(), new PageRenderLimits(List.of(160), 1_000_000L, 25_000_000L,
                1L << 20));

        PageTooLargeException refused = assertThrows(PageTooLargeException.class,
                () -> pages.render(SHA, () -> png("big", 1200, 1000), "image/png", 0, 160));

        assertTrue(refused.getMessage().contains("1200 × 1000"), refused.getMessage());
    }

    @Test
    void refusesPdfPageWhoseDrawingWouldExceedTheDecodedPixelCap() {
        RenderedPages pages = new RenderedPages(cache, budget(), new PageRenderLimits(List.of(160), 10_000_000L, 25_000_000L,
                1L << 20));

        // 200 × 200 inches: even at the lowest drawing resolution of 18 dpi that is 3600 × 3600 pixels
        PageTooLargeException refused = assertThrows(PageTooLargeException.class,
                () -> pages.render(SHA, () -> pdf(14_400, 14_400), "application/pdf", 0, 160));

        assertTrue(refused.getMessage().contains("3600 × 3600"), refused.getMessage());
        assertEquals(160, read(pages.render("cd".repeat(32), () -> pdf(595, 842), "application/pdf", 0, 160))
                .getWidth());
    }

    @Test
    void evictsTheLeastRecentlyReadPagesPastTheByteBound() {
        Path probe = sources.resolve("probe");
        long one = new RenderedPages(probe, budget()).render(SHA, () -> png("x", 400, 600), "image/png", 0, 320).length;
        // room for two pages, not three
        RenderedPages pages = new RenderedPages(cache, budget(), new PageRenderLimits(List.of(320), 150_000_000L, 25_000_000L,
                one * 2 + one / 2));
        String a = "a1".repeat(32);
        String b = "b1".repeat(32);
        String c = "c1".repeat(32);
        AtomicInteger rendered = new AtomicInteger();
        pages.render(a, () -> counted(rendered), "image/png", 0, 320);
        pages.render(b, () -> counted(rendered), "image/png", 0, 320);
        pages.render(a, () -> counted(rendered), "image/png", 0, 320);

        pages.render(c, () -> counted(rendered), "image/png", 0, 320);

        assertEquals(3, rendered.get(), "a was served from the cache");
        assertTrue(Files.exists(cache.resolve("a1").resolve(a + "-0-320.png")), "read recently: kept");
        assertFalse(Files.exists(cache.resolve("b1").resolve(b + "-0-320.png")), "least recently read: removed");
        assertTrue(Files.exists(cache.resolve("c1").resolve(c + "-0-320.png")));
        assertTrue(pages.cachedBytes() <= one * 2 + one / 2, "bytes " + pages.cachedBytes());

        // a restart with a smaller bound finds what was kept and trims it, oldest read first
        RenderedPages restarted = new RenderedPages(cache, budget(), new PageRenderLimits(List.of(320), 150_000_000L,
                25_000_000L, one + one / 2));
        assertEquals(one, restarted.cachedBytes());
        assertTrue(Files.exists(cache.resolve("c1").resolve(c + "-0-320.png")));
        assertFalse(Files.exists(cache.resolve("a1").resolve(a + "-0-320.png")));
    }

    @Test
    void pageImageHoldsItsMemoryOnlyWhileItIsRenderedAndOneTooLargeForTheBudgetIsRefusedWithReason() {
        DecodedPageBudget budget = new DecodedPageBudget(1024L * 1024);
        RenderedPages pages = new RenderedPages(cache, budget);

        pages.render("cd".repeat(32), () -> png("small", 200, 300), "image/png", 0, 100);
        assertEquals(budget.bytes(), budget.availableBytes());

        UnreadableContentException refused = assertThrows(UnreadableContentException.class,
                () -> pages.render("ce".repeat(32), () -> png("large", 1000, 1000), "image/png", 0, 100));
        assertTrue(refused.getMessage().startsWith("Page 1 of the image (1000 × 1000 pixels) needs about"),
                refused.getMessage());
        assertEquals(budget.bytes(), budget.availableBytes());
    }

    private static DecodedPageBudget budget() {
        return new DecodedPageBudget(512L * 1024 * 1024);
    }

    private Path counted(AtomicInteger rendered) {
        rendered.incrementAndGet();
        return png("x" + rendered.get(), 400, 600);
    }

    private Path png(String name, int width, int height) {
        try {
            Path file = sources.resolve(name + ".png");
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pdf(float widthPoints, float heightPoints) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(new PDRectangle(widthPoints, heightPoints)));
            Path file = Files.createTempFile(sources, "page-", ".pdf");
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
