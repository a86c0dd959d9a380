package de.akte.ingest.extract;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The few metadata entries the DMS keeps, under stable keys that do not change when Tika renames its own
 * (dc:creator, Message-From, xmpTPg:NPages, …).
 */
final class SelectedMetadata {

    static final String TITLE = "title";
    static final String AUTHOR = "author";
    /** ISO-8601, as written in the file. */
    static final String CREATED = "created";
    static final String PAGE_COUNT = "pageCount";
    /** As declared by the file (HTML lang, Office document language); no statistical detection. */
    static final String LANGUAGE = "language";
    static final String SUBJECT = "subject";
    static final String FROM = "from";
    static final String TO = "to";
    /** ISO-8601 instant the message was sent. */
    static final String SENT = "sent";
    /** {@code "true"} when the text was cut off at the character limit. */
    static final String TRUNCATED = "truncated";

    private static final Set<String> MESSAGE_TYPES = Set.of("message/rfc822", "application/vnd.ms-outlook");

    private SelectedMetadata() {
    }

    static Map<String, String> of(Metadata metadata, String mediaType) {
        Map<String, String> selected = new LinkedHashMap<>();
        put(selected, TITLE, joined(metadata, TikaCoreProperties.TITLE, "; "));
        put(selected, AUTHOR, joined(metadata, TikaCoreProperties.CREATOR, "; "));
        put(selected, CREATED, metadata.get(TikaCoreProperties.CREATED));
        put(selected, PAGE_COUNT, metadata.get(PagedText.N_PAGES));
        put(selected, LANGUAGE, metadata.get(TikaCoreProperties.LANGUAGE));
        if (MESSAGE_TYPES.contains(mediaType)) {
            // Tika puts the subject line into dc:title for EML and MSG alike (dc:subject is the MSG topic)
            put(selected, SUBJECT, metadata.get(TikaCoreProperties.TITLE));
            put(selected, FROM, joined(metadata, Message.MESSAGE_FROM, ", "));
            put(selected, TO, joined(metadata, Message.MESSAGE_TO, ", "));
            put(selected, SENT, metadata.get(TikaCoreProperties.CREATED));
        }
        return selected;
    }

    private static String joined(Metadata metadata, Property property, String separator) {
        return joined(metadata.getValues(property), separator);
    }

    private static String joined(Metadata metadata, String name, String separator) {
        return joined(metadata.getValues(name), separator);
    }

    private static String joined(String[] values, String separator) {
        return Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).distinct()
                .collect(Collectors.joining(separator));
    }

    private static void put(Map<String, String> selected, String key, String value) {
        if (value != null && !value.isBlank()) {
            selected.put(key, value.strip());
        }
    }
}
