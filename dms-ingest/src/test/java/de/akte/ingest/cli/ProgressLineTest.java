package de.akte.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void rendersBarCountsPagesRateAndEta() {
        // 312 files sent in 10 minutes with 382 pages: 38.2 pages/min; 688 left at 600 s / 312 files = 1323 s
        ProgressLine line = new ProgressLine(312, 1000, 312, 382, Duration.ofMinutes(10));

        assertEquals("[===>      ] 312/1000 files · 382 pages · 38.2 pages/min · ETA 22m03s", line.render());
    }

    @Test
    void abbreviatesThousandsAndMillionsOfPages() {
        assertEquals("999", ProgressLine.pages(999));
        assertEquals("1.4k", ProgressLine.pages(1_412));
        assertEquals("2.5M", ProgressLine.pages(2_500_000));
    }

    @Test
    void etaUsesOnlyFilesSentInThisRunNotThoseSkipped() {
        // 500 skipped as already imported, 100 sent in 100 s: 400 left at 1 s each
        ProgressLine line = new ProgressLine(600, 1000, 100, 0, Duration.ofSeconds(100));

        assertEquals("6m40s", line.eta());
    }

    @Test
    void etaIsUnknownBeforeTheFirstFileAndZeroWhenDone() {
        assertEquals("--", new ProgressLine(0, 10, 0, 0, Duration.ofSeconds(3)).eta());
        assertEquals("0s", new ProgressLine(10, 10, 10, 40, Duration.ofSeconds(3)).eta());
    }

    @Test
    void formatsDurationsInSecondsMinutesAndHours() {
        assertEquals("59s", ProgressLine.duration(59));
        assertEquals("4m12s", ProgressLine.duration(252));
        assertEquals("1h04m", ProgressLine.duration(3840));
    }

    @Test
    void barFillsInTenthsAndIsFullWhenDoneOrEmpty() {
        assertEquals("[>         ]", new ProgressLine(0, 10, 0, 0, Duration.ZERO).bar());
        assertEquals("[=====>    ]", new ProgressLine(5, 10, 5, 0, Duration.ZERO).bar());
        assertEquals("[==========]", new ProgressLine(10, 10, 10, 0, Duration.ZERO).bar());
        assertEquals("[==========]", new ProgressLine(0, 0, 0, 0, Duration.ZERO).bar());
    }

    @Test
    void rateIsZeroAtTheStart() {
        assertEquals(0.0, new ProgressLine(0, 5, 0, 0, Duration.ZERO).pagesPerMinute());
    }
}
