package de.akte.ingest.image;

import java.util.Locale;
import java.util.Set;

/**
 * JPEG 2000, the format of many archival scans: its media types as Tika detects them (a JP2 file, a JPX file, a
 * bare codestream) and the ImageIO format name of the one reader that decodes them all (jai-imageio-jpeg2000).
 */
public final class JpegTwoThousand {

    /** The ImageIO format name PDFBox also asks for when it decodes a JPXDecode image. */
    public static final String FORMAT = "JPEG2000";

    private static final Set<String> MEDIA_TYPES = Set.of("image/jp2", "image/jpx", "image/x-jp2-codestream");

    private JpegTwoThousand() {
    }

    /** Whether the media type is one of JPEG 2000's. */
    public static boolean isOne(String mediaType) {
        return mediaType != null && MEDIA_TYPES.contains(mediaType.toLowerCase(Locale.ROOT));
    }

    /** The media types, for routing uploads to OCR. */
    public static Set<String> mediaTypes() {
        return MEDIA_TYPES;
    }
}
