package de.akte.ingest.isolation;

import java.io.Serializable;

/**
 * What the server and a reader process say to each other. Plain records of strings, numbers and arrays of these
 * only, so that {@link WireDecoder} can allow exactly these classes and nothing else a subverted reader might send.
 * Files travel by name inside the job's directory, never as bytes in a message.
 */
final class Wire {

    private Wire() {
    }

    /** A request to a reader process. */
    sealed interface Job extends Serializable permits Recognize, Render, Ping {
    }

    /** A reader process's answer to one job. */
    sealed interface Answer extends Serializable permits Recognized, Rendered, Failure, Pong {
    }

    /** Recognise the file at {@code original}; produced files go into {@code jobDirectory}. */
    record Recognize(String original, String fileName, String title, String jobDirectory) implements Job {
    }

    /**
     * Render one page of {@code source} (a copy in the job directory, which the reader may delete) within the
     * server's pixel limits ({@code AKTE_PAGE_MAX_SOURCE_PIXELS}, {@code AKTE_PAGE_MAX_PIXELS}).
     */
    record Render(String sha256, String source, String mediaType, int pageIndex, int width, String jobDirectory,
                  long maxSourcePixels, long maxProducedPixels) implements Job {
    }

    /** Are you there? */
    record Ping() implements Job {
    }

    /** I am. */
    record Pong() implements Answer {
    }

    /**
     * What recognition found; {@code metadata} alternates keys and values, {@code rendition} names a file in the job
     * directory or is null.
     */
    record Recognized(String mediaType, Page[] pages, String[] metadata, Field[] fields, String rendition,
                      Part[] parts) implements Answer {
    }

    /** One page of {@link Recognized}; {@code source} is a {@link de.akte.core.recognition.PageSource} name. */
    record Page(String text, String source, int width, int height, int dpi, int rotation, Word[] words)
            implements Serializable {
    }

    /** One OCR word box. */
    record Word(String text, int x, int y, int width, int height, int confidence) implements Serializable {
    }

    /** One found metadata field. */
    record Field(String kind, String value, String raw, int page, int start, int end) implements Serializable {
    }

    /** One document cut from a batch: its pages, the named file reference (or null), its file in the job directory. */
    record Part(int[] pages, String fileReference, String file, String mediaType) implements Serializable {
    }

    /** The rendered page as a PNG file in the job directory. */
    record Rendered(String file) implements Answer {
    }

    /** The job failed in a way the reader could still tell; {@code kind} is one of {@link FailureKind}'s names. */
    record Failure(String kind, String message) implements Answer {
    }

    /** How a job failed, mapped by the server onto the recogniser's failure contract. */
    enum FailureKind {
        /** The file cannot be read, for good. */
        UNREADABLE,
        /** The file is refused as dangerous or unacceptable. */
        QUARANTINED,
        /** Something needed (OCR) is missing now. */
        DEFERRED,
        /** A time limit inside the reader ran out (a Tesseract page): tried again a few times. */
        TIMED_OUT,
        /** The file has no such page. */
        NO_SUCH_PAGE,
        /** The page would be larger than a rendered page may be: the reason says which width would fit. */
        PAGE_TOO_LARGE,
        /** A JVM error (a stack overflow): the message is the error's class name; the reader is not used again. */
        ERROR,
        /** Any other failure, retried later. */
        FAILED
    }
}
