package de.akte.core.application.mail;

import de.akte.core.document.ContentDescriptor;

import java.util.Map;
import java.util.Objects;

/**
 * One stored part of a message: an attachment, an attached message, or a file from an attached ZIP.
 *
 * @param path     where it sits in the message, for people: {@code 2 Rechnung.zip / 1 Rechnung.pdf}
 * @param metadata what is known of it beyond its bytes ({@code mail.…}, e.g. an attached message's headers)
 */
public record MessagePart(ContentDescriptor content, String title, String path, Map<String, String> metadata) {

    public MessagePart {
        Objects.requireNonNull(content, "content");
        metadata = Map.copyOf(metadata);
    }
}
