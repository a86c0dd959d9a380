package de.akte.web.infrastructure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BodyLimitsTest {

    private final BodyLimits limits = BodyLimits.of(20_000_000, 1_000_000, 4096, 16_000_000);

    @Test
    void filesOnlyWhereFilesAreUploaded() {
        long upload = 20_000_000 + BodyLimits.MULTIPART_ENVELOPE;
        assertEquals(upload, limits.limitFor("/api/documents").bytes());
        assertEquals(upload, limits.limitFor("/api/documents/42/versions").bytes());
        assertEquals(upload, limits.limitFor("/api/imports/7/items").bytes());
        assertEquals(1_000_000, limits.limitFor("/api/documents/42").bytes(), "a metadata change is JSON");
        assertEquals(1_000_000, limits.limitFor("/api/documents/42/versions/1/content").bytes());
        assertEquals(1_000_000, limits.limitFor("/api/imports").bytes());
        assertEquals(1_000_000, limits.limitFor("/api/departments").bytes());
    }

    @Test
    void aSignInIsTinyAndXdomeaHasItsOwnLimit() {
        assertEquals(4096, limits.limitFor("/api/auth/login").bytes());
        assertEquals(1_000_000, limits.limitFor("/api/auth/token").bytes());
        assertEquals(16_000_000, limits.limitFor("/api/transfers/3/appraisal").bytes());
        assertEquals(16_000_000, limits.limitFor("/api/transfers/3/confirmation").bytes());
        assertEquals(1_000_000, limits.limitFor("/api/transfers").bytes());
    }

    @Test
    void pathsThatOnlyLookLikeUploadsGetTheSmallLimit() {
        assertEquals(1_000_000, limits.limitFor("/api/documents/../users").bytes());
        assertEquals(1_000_000, limits.limitFor("/api/documents/1/versions/x").bytes());
        assertEquals(1_000_000, limits.limitFor("/index.html").bytes());
    }
}
