package de.akte.ingest.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UprightBoxTest {

    // a 100 × 50 image with a box at x 10–30, y 5–15
    @Test
    void keepsTheBoxOfAnUprightImage() {
        assertEquals(new UprightBox(10, 5, 20, 10), UprightBox.of(10, 5, 30, 15, 100, 50, 0));
    }

    @Test
    void turnsTheBoxWithTheImageByAQuarterClockwise() {
        // turned clockwise the image is 50 × 100; the box's top edge (y 5) becomes its right edge (x 50 - 5)
        assertEquals(new UprightBox(35, 10, 10, 20), UprightBox.of(10, 5, 30, 15, 100, 50, 90));
    }

    @Test
    void turnsTheBoxUpsideDown() {
        assertEquals(new UprightBox(70, 35, 20, 10), UprightBox.of(10, 5, 30, 15, 100, 50, 180));
    }

    @Test
    void turnsTheBoxByThreeQuarters() {
        // the box's left edge (x 10) becomes its bottom edge (y 100 - 10)
        assertEquals(new UprightBox(5, 70, 10, 20), UprightBox.of(10, 5, 30, 15, 100, 50, 270));
    }

    @Test
    void refusesOtherAngles() {
        assertThrows(IllegalArgumentException.class, () -> UprightBox.of(0, 0, 1, 1, 10, 10, 45));
    }
}
