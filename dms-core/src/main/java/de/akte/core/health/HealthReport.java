package de.akte.core.health;

import java.util.Map;

/** The state of every component, and of the whole: the worst of them. */
public record HealthReport(HealthStatus status, Map<String, ComponentHealth> components) {

    public HealthReport {
        components = Map.copyOf(components);
    }
}
