package de.akte.ingest.isolation;

import de.akte.core.recognition.PageImages;
import de.akte.core.recognition.ReaderCrashedException;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.pages.RenderedPages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Page images for the viewer, rendered in a reader process of their own pool (so viewing never waits behind a long
 * OCR job) and kept in the server's cache exactly as {@link RenderedPages} keeps them. Only the pixel work leaves
 * the server; what the reader sends back must be a PNG of sane size.
 */
public final class IsolatedPageImages implements PageImages {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** A page image of the largest width the viewer asks for is a few MiB; more is not a page. */
    private static final long MAX_PNG_BYTES = 64L * 1024 * 1024;

    private final Path cache;
    private final ParserPool renderers;

    public IsolatedPageImages(Path cache, ParserPool renderers) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.renderers = Objects.requireNonNull(renderers, "renderers");
    }

    @Override
    public byte[] render(String sha256, Supplier<Path> source, String mediaType, int pageIndex, int width) {
        Path kept = RenderedPages.keptPage(cache, sha256, pageIndex, width);
        try {
            if (Files.exists(kept)) {
                return Files.readAllBytes(kept);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a kept page", e);
        }
        ParserSettings settings = renderers.settings();
        Path job = Directories.create(renderers.jobs(), "job-");
        try {
            Path local = source.get();
            Path copy = job.resolve("source.bin");
            Files.move(local, copy, StandardCopyOption.REPLACE_EXISTING);
            byte[] png;
            try {
                png = renderers.run(new Wire.Render(sha256, copy.toString(), mediaType, pageIndex, width,
                        job.toString()), settings.renderLimit(), settings.renderLimit(), answer -> accept(answer, job));
            } catch (ReaderUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            Files.createDirectories(kept.getParent());
            Path temporary = Files.createTempFile(kept.getParent(), "page-", ".tmp");
            Files.write(temporary, png);
            Files.move(temporary, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("could not render page " + (pageIndex + 1), e);
        } finally {
            Directories.deleteQuietly(job);
        }
    }

    private static byte[] accept(Wire.Answer answer, Path job) {
        if (answer instanceof Wire.Failure failure) {
            throw IsolatedRecognizer.Failures.of(failure);
        }
        if (!(answer instanceof Wire.Rendered rendered) || !"page.png".equals(rendered.file())) {
            throw new ReaderCrashedException("the page's renderer sent an answer that was refused");
        }
        Path file = job.resolve("page.png");
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_PNG_BYTES) {
                throw new ReaderCrashedException("the page's renderer sent no page image of a sane size");
            }
            byte[] png = Files.readAllBytes(file);
            if (png.length < PNG.length || !Arrays.equals(Arrays.copyOf(png, PNG.length), PNG)) {
                throw new ReaderCrashedException("the page's renderer sent something else than a PNG");
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the rendered page", e);
        }
    }

    @Override
    public void forget(String sha256) {
        // forgetting decodes nothing, so no budget is ever drawn on
        new RenderedPages(cache, DecodedPageBudget.ofHeap(Runtime.getRuntime().maxMemory())).forget(sha256);
    }
}
