package de.akte.ingest.image;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.util.Matrix;

/**
 * Finds the one image a scanner drew across a whole PDF page, so that its own pixels can be decoded instead of
 * rendering the page: faster, and as sharp as the scan.
 *
 * <p>Only the plain case qualifies: exactly one image, drawn upright (no flip, no rotation in the content stream)
 * over at least 95 % of the crop box, with no soft mask, and nothing else painted on the page (no paths, no
 * visible text, no inline images, no annotations but links). Anything else is left to the renderer, which gets it
 * right.
 */
final class FullPageImageFinder extends PDFStreamEngine {

    /** An image and where it is drawn, in default user space (points). */
    record Placement(PDImageXObject image, Rectangle2D bounds) {
    }

    private static final double MIN_COVERAGE = 0.95;
    private static final Set<String> PAINTING = Set.of(
            "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI", "Tj", "TJ", "'", "\"");

    private final List<Placement> images = new ArrayList<>();
    private boolean otherPainting;

    FullPageImageFinder() {
        addOperator(new Concatenate(this));
        addOperator(new SetMatrix(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new DrawObject(this));
    }

    /** The page's single full-page image, if it has one and nothing else. */
    static Optional<Placement> find(PDPage page) throws IOException {
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (!(annotation instanceof PDAnnotationLink)) {
                return Optional.empty();
            }
        }
        FullPageImageFinder finder = new FullPageImageFinder();
        finder.processPage(page);
        if (finder.otherPainting || finder.images.size() != 1) {
            return Optional.empty();
        }
        Placement only = finder.images.get(0);
        PDImageXObject image = only.image();
        if (image.isStencil() || image.getSoftMask() != null || image.getMask() != null) {
            return Optional.empty();
        }
        PDRectangle crop = page.getCropBox();
        Rectangle2D cropBounds = new Rectangle2D.Double(crop.getLowerLeftX(), crop.getLowerLeftY(),
                crop.getWidth(), crop.getHeight());
        Rectangle2D covered = cropBounds.createIntersection(only.bounds());
        double coverage = covered.isEmpty() ? 0
                : covered.getWidth() * covered.getHeight() / (cropBounds.getWidth() * cropBounds.getHeight());
        return coverage >= MIN_COVERAGE ? Optional.of(only) : Optional.empty();
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        String name = operator.getName();
        if (PAINTING.contains(name)) {
            otherPainting = true;
        } else if ("Do".equals(name) && !operands.isEmpty() && operands.get(0) instanceof COSName xobjectName) {
            PDXObject xobject = getResources().getXObject(xobjectName);
            if (xobject instanceof PDImageXObject image) {
                placed(image);
                return;
            }
        }
        super.processOperator(operator, operands);
    }

    private void placed(PDImageXObject image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        boolean upright = ctm.getScaleX() > 0 && ctm.getScaleY() > 0
                && Math.abs(ctm.getShearX()) < 1e-6 && Math.abs(ctm.getShearY()) < 1e-6;
        if (!upright) {
            // flipped or turned in the content stream: the renderer handles that correctly, so leave it to it
            otherPainting = true;
            return;
        }
        images.add(new Placement(image, new Rectangle2D.Double(ctm.getTranslateX(), ctm.getTranslateY(),
                ctm.getScaleX(), ctm.getScaleY())));
    }
}
