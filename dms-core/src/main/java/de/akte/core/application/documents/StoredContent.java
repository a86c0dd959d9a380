package de.akte.core.application.documents;

import java.io.InputStream;

/**
 * Stored bytes opened for download (an original or a rendition); the receiver closes the stream.
 *
 * @param sha256 the hash of exactly these bytes
 */
public record StoredContent(VersionView version, String sha256, long size, String mediaType, InputStream stream) {
}
