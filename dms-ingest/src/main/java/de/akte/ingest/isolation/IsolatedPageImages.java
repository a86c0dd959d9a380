package de.akte.ingest.isolation;

import de.akte.core.recognition.PageImages;
import de.akte.core.recognition.ReaderCrashedException;
import de.akte.ingest.pages.PageCache;
import de.akte.ingest.pages.PageRenderLimits;
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
 * OCR job) and kept in the server's cache exactly as {@link RenderedPages} keeps them: widths rounded up to the
 * served ones, the cache bounded in bytes. Only the pixel work, with its pixel guards, leaves the server; what the
 * reader sends back must be a PNG of sane size.
 */
public final class IsolatedPageImages implements PageImages {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** A page image of the largest width the viewer asks for is a few MiB; more is not a page. */
    private static final long MAX_PNG_BYTES = 64L * 1024 * 1024;

    private final PageCache cache;
    private final PageRenderLimits limits;
    private final ParserPool renderers;

    public IsolatedPageImages(Path cache, ParserPool renderers) {
        this(cache, renderers, PageRenderLimits.defaults());
    }

    public IsolatedPageImages(Path cache, ParserPool renderers, PageRenderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.cache = new PageCache(Objects.requireNonNull(cache, "cache"), limits.cacheBytes());
        this.renderers = Objects.requireNonNull(renderers, "renderers");
    }

    @Override
    public byte[] render(String sha256, Supplier<Path> source, String mediaType, int pageIndex, int requestedWidth) {
        int width = limits.served(requestedWidth);
        String folder = sha256.substring(0, 2);
        String name = RenderedPages.keptPage(Path.of(""), sha256, pageIndex, width).getFileName().toString();
        var kept = cache.get(folder, name);
        if (kept.isPresent()) {
            return kept.get();
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
                        job.toString(), limits.maxSourcePixels(), limits.maxProducedPixels()), settings.renderLimit(), settings.renderLimit(), answer -> accept(answer, job));
            } catch (ReaderUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            cache.put(folder, name, png);
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
        cache.removeAll(sha256.substring(0, 2), sha256 + "-");
    }
}
