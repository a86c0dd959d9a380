package de.akte.core.application.annotations;

import de.akte.core.annotation.Annotation;

import java.time.Instant;

/**
 * An annotation as the API shows it.
 *
 * @param version the document version the annotation was made on
 * @param area    the marked rectangle in relative page coordinates (0..1), or null for a note on the whole page
 * @param own     whether the caller wrote it (and so may change or delete it)
 */
public record AnnotationView(long id, long documentId, int version, int page, String kind, AreaView area, String text,
                             String author, Instant createdAt, Instant updatedAt, boolean own) {

    /** A rectangle in relative page coordinates, origin top left. */
    public record AreaView(double x, double y, double width, double height) {
    }

    static AnnotationView of(Annotation a, String caller) {
        return new AnnotationView(a.id(), a.documentId(), a.versionNumber(), a.page(), a.kind().name(),
                a.area().map(r -> new AreaView(r.x(), r.y(), r.width(), r.height())).orElse(null),
                a.text().orElse(null), a.author(), a.createdAt(), a.updatedAt(), a.writtenBy(caller));
    }
}
