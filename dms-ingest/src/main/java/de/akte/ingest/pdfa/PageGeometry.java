package de.akte.ingest.pdfa;

import java.awt.geom.Point2D;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Maps coordinates of the page as a viewer shows it (upright, origin top-left, in points) to PDF user space.
 *
 * @param box      the visible box (CropBox) in user space; it need not start at the origin
 * @param rotation the page's effective clockwise /Rotate
 * @param ptPerPxX points per upright pixel along the upright x axis
 * @param ptPerPxY points per upright pixel along the upright y axis
 */
record PageGeometry(PDRectangle box, int rotation, float ptPerPxX, float ptPerPxY) {

    /** Upright (displayed) width in points. */
    float uprightWidth() {
        return quarterTurned() ? box.getHeight() : box.getWidth();
    }

    /** Upright (displayed) height in points. */
    float uprightHeight() {
        return quarterTurned() ? box.getWidth() : box.getHeight();
    }

    private boolean quarterTurned() {
        return rotation == 90 || rotation == 270;
    }

    /**
     * User-space point for a displayed point {@code a} points right and {@code b} points down from the upright
     * top-left corner. Derivation: the viewer turns user space clockwise by /Rotate, so e.g. at 90 degrees the
     * user-space lower-left corner ends up top-left and user-space +y points to the right.
     */
    Point2D.Float toUserSpace(float a, float b) {
        float llx = box.getLowerLeftX();
        float lly = box.getLowerLeftY();
        float w = box.getWidth();
        float h = box.getHeight();
        return switch (rotation) {
            case 0 -> new Point2D.Float(llx + a, lly + h - b);
            case 90 -> new Point2D.Float(llx + b, lly + a);
            case 180 -> new Point2D.Float(llx + w - a, lly + b);
            case 270 -> new Point2D.Float(llx + w - b, lly + h - a);
            default -> throw new IllegalStateException("rotation " + rotation);
        };
    }

    /** Angle (counter-clockwise, user space) of upright left-to-right text; it undoes the viewer's turn. */
    double textAngleRadians() {
        return Math.toRadians(rotation);
    }
}
