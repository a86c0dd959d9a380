package de.akte.ingest.pdfa;

/** Validation of quarter-turn rotations. */
final class Rotations {
    private Rotations() {
    }

    /** Returns the rotation in 0..359; PDF only allows multiples of 90 for /Rotate. */
    static int normalise(int degrees) {
        if (degrees % 90 != 0) {
            throw new IllegalArgumentException("Rotation must be a multiple of 90 degrees: " + degrees);
        }
        return ((degrees % 360) + 360) % 360;
    }
}
