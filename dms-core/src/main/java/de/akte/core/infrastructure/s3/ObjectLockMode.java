package de.akte.core.infrastructure.s3;

import io.minio.messages.RetentionMode;

/** How strictly S3 Object Lock enforces a retention: GOVERNANCE can be bypassed with a permission, COMPLIANCE by no one. */
public enum ObjectLockMode {
    GOVERNANCE(RetentionMode.GOVERNANCE),
    COMPLIANCE(RetentionMode.COMPLIANCE);

    private final RetentionMode sdkMode;

    ObjectLockMode(RetentionMode sdkMode) {
        this.sdkMode = sdkMode;
    }

    RetentionMode sdkMode() {
        return sdkMode;
    }
}
