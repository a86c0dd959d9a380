package de.akte.ingest.image;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.w3c.dom.Node;

/**
 * Reads the resolution of an image from its ImageIO metadata: PNG pHYs and JPEG JFIF density from their native
 * trees, everything else (TIFF XResolution/YResolution with ResolutionUnit) from the format-neutral
 * {@code javax_imageio_1.0} tree.
 *
 * <p>Not the neutral tree for PNG: the JDK's PNG plugin inverts HorizontalPixelSize (it reports
 * pixels-per-metre / 1000 instead of millimetres per pixel), so a 200 dpi scan would read as 3.2 dpi.
 */
final class Resolution {

    static final float DEFAULT_DPI = 300;
    private static final float MIN_DPI = 50;
    private static final float MAX_DPI = 2400;
    private static final String STANDARD = "javax_imageio_1.0";
    private static final String PNG = "javax_imageio_png_1.0";
    private static final String JPEG = "javax_imageio_jpeg_image_1.0";

    private Resolution() {
    }

    /** {@code {dpiX, dpiY}}; 300 for an axis whose value is absent or absurd. */
    static float[] of(IIOMetadata metadata) {
        float dpiX = DEFAULT_DPI;
        float dpiY = DEFAULT_DPI;
        if (metadata == null) {
            return new float[] {dpiX, dpiY};
        }
        if (PNG.equals(metadata.getNativeMetadataFormatName())) {
            return png(metadata.getAsTree(PNG));
        }
        if (JPEG.equals(metadata.getNativeMetadataFormatName())) {
            return jpeg(metadata.getAsTree(JPEG));
        }
        if (metadata.isStandardMetadataFormatSupported()) {
            Node root = metadata.getAsTree(STANDARD);
            dpiX = dpi(root, "HorizontalPixelSize");
            dpiY = dpi(root, "VerticalPixelSize");
        }
        return new float[] {dpiX, dpiY};
    }

    /** A plausible resolution, or 300: scanners write 72 or 1 when they know nothing, and OCR needs a real one. */
    static float plausible(double dpi) {
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            return DEFAULT_DPI;
        }
        // pHYs stores dots per metre: 200 dpi comes back as 199.9996
        return Math.round(dpi * 10) / 10f;
    }

    private static float[] png(Node root) {
        IIOMetadataNode physical = find(root, "pHYs");
        if (physical == null || !"meter".equals(physical.getAttribute("unitSpecifier"))) {
            return new float[] {DEFAULT_DPI, DEFAULT_DPI};
        }
        return new float[] {perMetre(physical.getAttribute("pixelsPerUnitXAxis")),
            perMetre(physical.getAttribute("pixelsPerUnitYAxis"))};
    }

    private static float[] jpeg(Node root) {
        IIOMetadataNode jfif = find(root, "app0JFIF");
        // resUnits 0 is an aspect ratio only, not a resolution
        int units = jfif == null ? 0 : parse(jfif.getAttribute("resUnits"));
        if (units != 1 && units != 2) {
            return new float[] {DEFAULT_DPI, DEFAULT_DPI};
        }
        double perInch = units == 1 ? 1 : 2.54;
        return new float[] {plausible(parse(jfif.getAttribute("Xdensity")) * perInch),
            plausible(parse(jfif.getAttribute("Ydensity")) * perInch)};
    }

    private static float perMetre(String value) {
        return plausible(parse(value) * 0.0254);
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static IIOMetadataNode find(Node node, String name) {
        if (name.equals(node.getNodeName()) && node instanceof IIOMetadataNode element) {
            return element;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            IIOMetadataNode found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static float dpi(Node root, String name) {
        for (Node dimension = root.getFirstChild(); dimension != null; dimension = dimension.getNextSibling()) {
            if (!"Dimension".equals(dimension.getNodeName())) {
                continue;
            }
            for (Node node = dimension.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (name.equals(node.getNodeName()) && node instanceof IIOMetadataNode element) {
                    try {
                        double millimetresPerPixel = Double.parseDouble(element.getAttribute("value"));
                        return plausible(25.4 / millimetresPerPixel);
                    } catch (NumberFormatException e) {
                        return DEFAULT_DPI;
                    }
                }
            }
        }
        return DEFAULT_DPI;
    }
}
