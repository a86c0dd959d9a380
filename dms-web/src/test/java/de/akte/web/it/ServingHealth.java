package de.akte.web.it;

import jakarta.json.JsonObject;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the ITs, sharing one server, may expect of its health: every component UP, except that processing and the
 * parsers say DEGRADED for a while after another IT's poison file stopped a worker or a reader process (which is the
 * truth, not a fault).
 */
final class ServingHealth {

    private ServingHealth() {
    }

    static void assertServing(JsonObject health) {
        JsonObject checks = health.getJsonObject("checks");
        for (String component : List.of("database", "storage", "index", "indexing", "memory", "ocr")) {
            assertEquals("UP", checks.getString(component), component + ": " + health);
        }
        if (!"UP".equals(checks.getString("processing"))) {
            assertEquals("DEGRADED", checks.getString("processing"), health::toString);
            assertTrue(health.getJsonObject("reasons").getString("processing").contains("stopped a processing worker"),
                    health::toString);
        }
        // likewise the reader processes, for a while after another IT's hostile file made one die
        if (!"UP".equals(checks.getString("parsers"))) {
            assertEquals("DEGRADED", checks.getString("parsers"), health::toString);
            assertTrue(health.getJsonObject("reasons").getString("parsers").contains("died with a file"),
                    health::toString);
        }
        assertTrue(List.of("UP", "DEGRADED").contains(health.getString("status")), health::toString);
    }
}
