package de.akte.ingest.recognition;

/**
 * A box in a scanned image, carried into the image turned upright. Scans lie sideways or upside down; the
 * stored image stays as scanned and viewers turn it, so boxes are kept in the turned (upright) picture.
 */
record UprightBox(int x, int y, int width, int height) {

    /**
     * The box {@code (x0, y0)–(x1, y1)} of a {@code rawWidth × rawHeight} image, after turning the image
     * clockwise by {@code rotation} degrees (0, 90, 180, 270).
     */
    static UprightBox of(int x0, int y0, int x1, int y1, int rawWidth, int rawHeight, int rotation) {
        int w = x1 - x0;
        int h = y1 - y0;
        return switch (rotation) {
            case 0 -> new UprightBox(x0, y0, w, h);
            case 90 -> new UprightBox(rawHeight - y1, x0, h, w);
            case 180 -> new UprightBox(rawWidth - x1, rawHeight - y1, w, h);
            case 270 -> new UprightBox(y0, rawWidth - x1, h, w);
            default -> throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
        };
    }
}
