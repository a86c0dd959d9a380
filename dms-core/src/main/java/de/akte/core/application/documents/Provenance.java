package de.akte.core.application.documents;

import de.akte.core.casefile.Process;

import java.util.Map;
import java.util.Objects;

/**
 * Where a new document comes from beyond its case file: the process (Vorgang) of that case file it joins, the
 * document it was taken from (an e-mail's attachment from its message), and metadata the intake already knew
 * (named {@code mail.…}; recognition keeps it).
 *
 * @param process   a process of the document's case file, or null
 * @param takenFrom the id of the document it was taken from, or null
 */
public record Provenance(Process process, Long takenFrom, Map<String, String> metadata) {

    /** A document on its own. */
    public static final Provenance NONE = new Provenance(null, null, Map.of());

    public Provenance {
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
    }
}
