package de.akte.core.health;

import java.util.Objects;

/** One component's state, and in words for an operator why it is not simply UP (or what is worth knowing). */
public record ComponentHealth(HealthStatus status, String reason) {

    public ComponentHealth {
        Objects.requireNonNull(status, "status");
    }

    public static ComponentHealth up() {
        return new ComponentHealth(HealthStatus.UP, null);
    }

    public static ComponentHealth degraded(String reason) {
        return new ComponentHealth(HealthStatus.DEGRADED, reason);
    }

    public static ComponentHealth down(String reason) {
        return new ComponentHealth(HealthStatus.DOWN, reason);
    }
}
