package de.akte.core.annotation;

import java.util.List;
import java.util.Optional;

/** Where annotations are kept. */
public interface AnnotationRepository {

    void add(Annotation annotation);

    Optional<Annotation> find(long id);

    /** All annotations of a document, by page, then oldest first. */
    List<Annotation> ofDocument(long documentId);

    void remove(Annotation annotation);
}
