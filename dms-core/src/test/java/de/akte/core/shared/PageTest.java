package de.akte.core.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageTest {

    @Test
    void aRequestIsHeldWithinOneToTheLargestSizeFromTheFirstPageOn() {
        assertEquals(new Page.Request(0, 1), Page.request(-3, 0, 200));
        assertEquals(new Page.Request(2, 200), Page.request(2, 5000, 200));
        assertEquals(new Page.Request(4, 25), Page.request(4, 25, 200));
        assertEquals(new Page.Request(0, 1), Page.request(Integer.MIN_VALUE, Integer.MIN_VALUE, 200));
    }

    @Test
    void aRequestSkipsTheEntriesOfTheEarlierPagesAndAnswersWithItsOwnNumbers() {
        Page.Request third = Page.request(2, 25, 200);
        assertEquals(50, third.offset());
        assertEquals(new Page<>(120, 2, 25, List.of("a", "b")), third.of(120, List.of("a", "b")));
    }
}
