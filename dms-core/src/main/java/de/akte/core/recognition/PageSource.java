package de.akte.core.recognition;

/** Where a page's text came from. */
public enum PageSource {
    /** The file's own text (born-digital). */
    TEXT,
    /** Optical character recognition of the page image. */
    OCR
}
