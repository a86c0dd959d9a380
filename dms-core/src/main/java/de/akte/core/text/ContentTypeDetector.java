package de.akte.core.text;

import java.io.InputStream;

/** Detects the media type of bytes by their content; the file name is only a hint. */
public interface ContentTypeDetector {

    /**
     * Detects the type. The stream must support mark/reset; it is reset to where it was.
     *
     * @return a media type such as {@code application/pdf}, {@code application/octet-stream} when unknown
     */
    String detect(InputStream content, String fileName);
}
