package de.akte.core.annotation;

/** A note (text, optionally pinned to an area) or a highlight rectangle (area, optionally with text). */
public enum AnnotationKind {
    NOTE,
    HIGHLIGHT
}
