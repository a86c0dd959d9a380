package de.akte.ingest.mail;

import java.util.Locale;
import java.util.Map;

/**
 * File names and titles for a message's parts. Names in a message are the sender's words: they never become paths,
 * and a name that cannot be a file name (a path, control characters, nothing) is replaced by a neutral one.
 */
final class PartNames {

    private static final int LONGEST = 200;

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", ".pdf"), Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"),
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"),
            Map.entry("image/tiff", ".tif"), Map.entry("message/rfc822", ".eml"), Map.entry("message/global", ".eml"),
            Map.entry("application/zip", ".zip"), Map.entry("text/xml", ".xml"), Map.entry("application/xml", ".xml"),
            Map.entry("text/calendar", ".ics"), Map.entry("application/pkcs7-signature", ".p7s"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
            Map.entry("application/msword", ".doc"));

    private PartNames() {
    }

    /** The original's file name: its subject, if it makes a name, else {@code nachricht}; always {@code .eml}. */
    static String messageFile(String subject) {
        String base = subject == null ? "" : clean(subject);
        return (base.isEmpty() ? "nachricht" : base) + ".eml";
    }

    /** An attachment's file name: its own if usable, else {@code anhang-3} with an extension for its type. */
    static String attachmentFile(String given, String type, int number) {
        String name = given == null ? "" : clean(lastSegment(given));
        if (!name.isEmpty() && !name.startsWith(".")) {
            return name;
        }
        return "anhang-" + number + EXTENSIONS.getOrDefault(type == null ? "" : type, ".bin");
    }

    /** The last segment of a path a sender gave (both kinds of slash). */
    static String lastSegment(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }

    /** The title of a part: its name without the extension. */
    static String title(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Where a part sits, for people: {@code Rechnungen.zip / 2026/rechnung.pdf}. */
    static String join(String parent, String name) {
        String joined = parent.isEmpty() ? name : parent + " / " + name;
        return joined.length() > 500 ? "…" + joined.substring(joined.length() - 499) : joined;
    }

    private static String clean(String raw) {
        StringBuilder out = new StringBuilder();
        raw.strip().codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"'
                    || c == '<' || c == '>' || c == '|') {
                out.append('_');
            } else {
                out.appendCodePoint(c);
            }
        });
        String name = out.toString().strip();
        while (name.startsWith("..")) {
            name = name.substring(1);
        }
        if (name.length() > LONGEST) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, LONGEST - ext.length()) + ext;
        }
        return name.toLowerCase(Locale.ROOT).equals(".") ? "" : name;
    }
}
