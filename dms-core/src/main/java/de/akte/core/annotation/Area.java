package de.akte.core.annotation;

import de.akte.core.shared.InvalidInputException;

/**
 * A rectangle on a page in relative coordinates (0..1 of the page's width and height, origin top left), so it
 * stays on the same spot whatever size the page image is shown at.
 */
public record Area(double x, double y, double width, double height) {

    public Area {
        if (!inUnit(x) || !inUnit(y) || !inUnit(width) || !inUnit(height) || width == 0 || height == 0
                || x + width > 1.0001 || y + height > 1.0001) {
            throw new InvalidInputException("area", "the area must lie on the page: x, y, width, height between 0 and 1");
        }
    }

    private static boolean inUnit(double v) {
        return !Double.isNaN(v) && v >= 0 && v <= 1;
    }
}
