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
    FAILED,
    /**
     * Set aside: its worker crashed on it too often (a poison file). Never handed out again until an administrator
     * retries it, not even after a restart.
     */
    SET_ASIDE
}
