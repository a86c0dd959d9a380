package de.akte.core.application.mail;

import de.akte.core.document.ContentDescriptor;
import de.akte.core.mail.MessageKey;

import java.util.List;
import java.util.Objects;

/**
 * A message whose bytes are all stored: the original exactly as it arrived, and its parts, with notes on whatever
 * could not be taken apart (and why).
 */
public record TakenApartMessage(MessageKey key, MessageHeaders headers, ContentDescriptor original,
                                List<MessagePart> parts, List<String> notes) {

    public TakenApartMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(original, "original");
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
    }
}
