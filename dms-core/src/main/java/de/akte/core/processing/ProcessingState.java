package de.akte.core.processing;

/** The life of a processing task. */
public enum ProcessingState {
    /** Waiting to run (first time or after a failed attempt, once its backoff has passed). */
    PENDING,
    /** Claimed by a worker until its lease runs out. */
    RUNNING,
    /** Finished. */
    DONE,
    /** Gave up (permanent problem or too many attempts); an administrator may retry. */
    FAILED
}
