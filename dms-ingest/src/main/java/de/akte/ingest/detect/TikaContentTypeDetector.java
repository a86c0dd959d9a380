package de.akte.ingest.detect;

import de.akte.core.text.ContentTypeDetector;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Detects media types from magic bytes and container structure with Tika; the name only breaks ties. */
public final class TikaContentTypeDetector implements ContentTypeDetector {

    private final Detector detector;

    public TikaContentTypeDetector() {
        this.detector = TikaConfig.getDefaultConfig().getDetector();
    }

    @Override
    public String detect(InputStream content, String fileName) {
        if (!content.markSupported()) {
            throw new IllegalArgumentException("detection needs a stream that supports mark/reset");
        }
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try {
            // TikaInputStream.get would spool container formats to a temp file; a plain marked stream
            // keeps detection to the first bytes, which is all an upload check needs
            MediaType type = detector.detect(content, metadata);
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the content for type detection", e);
        }
    }
}
