package de.akte.ingest.image;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import org.apache.pdfbox.jbig2.JBIG2ImageReaderSpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Puts the decoders of archival scans into ImageIO's registry: JPEG 2000 (jai-imageio) and JBIG2 (PDFBox), which
 * PDFBox looks up by format name for JPXDecode and JBIG2Decode images, and which read JPEG 2000 uploads.
 *
 * <p>ImageIO finds plug-ins by scanning the class path of whichever thread first touched it. Inside an application
 * server that may be a thread of the server or of another deployment, whose class loader cannot see this
 * deployment's libraries; PDFBox then reports "Java Advanced Imaging (JAI) Image I/O Tools are not installed".
 * Registering the providers by hand makes them visible however the registry came about. Closing takes them out again,
 * so that a redeployment does not leave classes of the old one behind in the JVM-wide registry.
 */
public final class ImageDecoders implements AutoCloseable {

    private final IIORegistry registry;
    private final List<ImageReaderSpi> registered;

    private ImageDecoders(IIORegistry registry, List<ImageReaderSpi> registered) {
        this.registry = registry;
        this.registered = registered;
    }

    /** Registers the decoders in the JVM's ImageIO registry. */
    public static ImageDecoders register() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> providers = List.of(new J2KImageReaderSpi(), new JBIG2ImageReaderSpi());
        List<ImageReaderSpi> registered = new ArrayList<>();
        for (ImageReaderSpi provider : providers) {
            // replaces a provider of the same class, e.g. one the registry found itself
            registry.registerServiceProvider(provider, ImageReaderSpi.class);
            registered.add(provider);
        }
        return new ImageDecoders(registry, List.copyOf(registered));
    }

    /** Each archival format and whether ImageIO, asked as PDFBox asks, finds a reader for it now. */
    public Map<String, Boolean> availability() {
        Map<String, Boolean> formats = new LinkedHashMap<>();
        formats.put(JpegTwoThousand.FORMAT, ImageIO.getImageReadersByFormatName(JpegTwoThousand.FORMAT).hasNext());
        formats.put("JBIG2", ImageIO.getImageReadersByFormatName("JBIG2").hasNext());
        return formats;
    }

    @Override
    public void close() {
        registered.forEach(provider -> registry.deregisterServiceProvider(provider, ImageReaderSpi.class));
    }
}
