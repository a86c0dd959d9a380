package de.akte.core.health;

/** How a component is doing, from best to worst. */
public enum HealthStatus {
    /** Works as it should. */
    UP,
    /** Works, but not as it should: documents may wait, or a part is missing. */
    DEGRADED,
    /** Does not work: documents cannot be accepted or found. */
    DOWN;

    /** The worse of two. */
    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
