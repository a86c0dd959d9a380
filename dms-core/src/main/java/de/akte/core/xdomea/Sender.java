package de.akte.core.xdomea;

/** Who sends (the administration) and who receives (the archive) the messages. */
public record Sender(String institution, String archive, String system) {
}
