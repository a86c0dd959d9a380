package de.akte.ingest.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import de.akte.ingest.testing.LetterScans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskewTest {

    private final Deskew deskew = new Deskew();
    private BufferedImage letter;

    @BeforeAll
    void renderOnce() {
        letter = LetterScans.page();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, -0.7, 1.9, -1.9, 4, -4, 0})
    void estimatesTheSkewOfATextPageWithinAFifthOfADegree(double degrees) {
        BufferedImage skewed = LetterScans.skew(letter, degrees);
        double estimate = deskew.estimateDegrees(skewed);
        assertEquals(degrees, estimate, 0.2, "estimate " + estimate);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.3, -2.6})
    void estimatesTheSkewOfANoisyBlurredScan(double degrees) {
        BufferedImage scan = LetterScans.speckle(LetterScans.blur(LetterScans.skew(letter, degrees)), 0.02, 7);
        assertEquals(degrees, deskew.estimateDegrees(scan), 0.2);
    }

    @Test
    void estimatesAnA4PageInUnderSixtyMilliseconds() {
        BufferedImage skewed = LetterScans.skew(letter, 1.9);
        for (int i = 0; i < 5; i++) {
            deskew.estimateDegrees(skewed); // warm-up: the JIT compiles the loops
        }
        int runs = 10;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            deskew.estimateDegrees(skewed);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        long rotateStart = System.nanoTime();
        deskew.rotate(skewed, 1.9);
        System.out.printf("deskew estimate of a %dx%d page: %.1f ms; rotate: %d ms%n", skewed.getWidth(),
                skewed.getHeight(), millis, (System.nanoTime() - rotateStart) / 1_000_000);
    }

    @Test
    void aBlankPageHasNoSkew() {
        assertEquals(0, deskew.estimateDegrees(LetterScans.blank(2480, 3508)));
        assertEquals(0, deskew.estimateDegrees(LetterScans.speckle(LetterScans.blank(2480, 3508), 0.01, 3)));
    }

    @Test
    void straighteningLeavesNoMeasurableSkew() {
        Deskew.Straightened straightened = deskew.straighten(LetterScans.skew(letter, 2.5));
        assertEquals(2.5, straightened.degrees(), 0.2);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, straightened.image().getType());
        assertEquals(letter.getWidth(), straightened.image().getWidth());
        assertEquals(letter.getHeight(), straightened.image().getHeight());
        assertEquals(0, deskew.estimateDegrees(straightened.image()), 0.15);
        assertEquals(255, straightened.image().getRaster().getSample(0, 0, 0), "white corner");
    }

    @Test
    void aStraightPageIsLeftAsItIs() {
        Deskew.Straightened straightened = deskew.straighten(letter);
        assertSame(letter, straightened.image());
        assertEquals(0, straightened.degrees());
    }

    @Test
    void rotateUndoesSkewAboutTheCentre() {
        BufferedImage page = LetterScans.blank(400, 400);
        for (int y = 195; y < 205; y++) {
            for (int x = 295; x < 305; x++) {
                page.getRaster().setSample(x, y, 0, 0);
            }
        }
        BufferedImage turned = LetterScans.skew(page, 90);
        // clockwise 90°: the dark square right of the centre moves below it
        assertTrue(turned.getRaster().getSample(200, 300, 0) < 128);
        BufferedImage back = deskew.rotate(turned, 90);
        assertTrue(back.getRaster().getSample(300, 200, 0) < 128);
        assertEquals(255, back.getRaster().getSample(200, 300, 0));
    }

    @Test
    void mapsABoxInTheStraightenedImageBackToTheOriginal() {
        Deskew.Straightened straightened = new Deskew.Straightened(LetterScans.blank(1000, 1000), 90);
        Rectangle box = straightened.toOriginal(new Rectangle(600, 450, 100, 100));
        // turning clockwise by 90° about (500, 500): x' = 1000 - y, y' = x
        assertEquals(new Rectangle(450, 600, 100, 100), box);
        Rectangle small = new Deskew.Straightened(LetterScans.blank(1000, 1000), 2)
                .toOriginal(new Rectangle(100, 100, 200, 20));
        assertTrue(small.width > 200 && small.height > 20, small.toString());
    }
}
