package de.akte.core.text;

import java.io.InputStream;

/** Turns the bytes of a born-digital file into text per page, detecting its type by content. */
public interface TextExtractor {

    /**
     * Extracts the text of a file. The caller closes the stream.
     *
     * @param fileName the name the file came with, only a hint (type detection is by content)
     * @throws UnreadableContentException when the content cannot be read (encrypted, corrupt, unsupported), with a reason for users
     */
    ExtractedText extract(InputStream content, String fileName);
}
