package de.akte.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HocrParserTest {

    // the shape Tesseract 5 writes, including the DTD it names (which must not be fetched)
    private static final String HOCR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
                "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
             <head><title></title></head>
             <body>
              <div class='ocr_page' id='page_1' title='image "/tmp/p.png"; bbox 0 0 1654 2339; ppageno 0; scan_res 200 200'>
               <div class='ocr_carea' id='block_1_1' title="bbox 150 200 900 300">
                <p class='ocr_par' id='par_1_1' lang='deu' title="bbox 150 200 900 300">
                 <span class='ocr_line' id='line_1_1' title="bbox 150 200 700 240; baseline 0 -8; x_size 40">
                  <span class='ocrx_word' id='word_1_1' title='bbox 150 200 300 240; x_wconf 96'>Sehr</span>
                  <span class='ocrx_word' id='word_1_2' title='bbox 320 200 520 240; x_wconf 91'>geehrte</span>
                  <span class='ocrx_word' id='word_1_3' title='bbox 540 200 700 240; x_wconf 88'><strong>Müller,</strong></span>
                 </span>
                 <span class='ocr_header' id='line_1_2' title="bbox 150 260 900 300">
                  <span class='ocrx_word' id='word_1_4' title='bbox 150 260 400 300; x_wconf 79.5'>A&amp;B</span>
                  <span class='ocrx_word' id='word_1_5' title='bbox 420 260 430 300; x_wconf 10'> </span>
                  <span class='ocrx_word' id='word_1_6' title='bbox 450 260 900 300'>&#39;Straße&#39;</span>
                 </span>
                </p>
               </div>
              </div>
             </body>
            </html>
            """;

    @Test
    void readsPageSizeFromThePageBox() {
        RecognizedPage page = new HocrParser().parse(HOCR);

        assertEquals(1654, page.widthPx());
        assertEquals(2339, page.heightPx());
    }

    @Test
    void joinsWordsWithSpacesAndLinesWithNewlines() {
        RecognizedPage page = new HocrParser().parse(HOCR);

        assertEquals("Sehr geehrte Müller,\nA&B 'Straße'", page.text());
    }

    @Test
    void keepsEachWordsBoxAndConfidenceAndDropsBlankWords() {
        RecognizedPage page = new HocrParser().parse(HOCR);

        assertEquals(List.of(
                new RecognizedWord("Sehr", 150, 200, 300, 240, 96),
                new RecognizedWord("geehrte", 320, 200, 520, 240, 91),
                new RecognizedWord("Müller,", 540, 200, 700, 240, 88),
                new RecognizedWord("A&B", 150, 260, 400, 300, 80),
                new RecognizedWord("'Straße'", 450, 260, 900, 300, 0)), page.words());
    }

    @Test
    void aPageWithoutWordsHasEmptyText() {
        String empty = "<html><body><div class='ocr_page' title='bbox 0 0 10 20'></div></body></html>";

        RecognizedPage page = new HocrParser().parse(empty);

        assertEquals(new RecognizedPage(10, 20, "", List.of()), page);
    }

    @Test
    void rejectsInputWithoutAPage() {
        assertThrows(IllegalArgumentException.class, () -> new HocrParser().parse("<html><body/></html>"));
    }

    @Test
    void rejectsMalformedXml() {
        assertThrows(IllegalArgumentException.class, () -> new HocrParser().parse("<html><body>"));
    }

    @Test
    void uprightPageHasOrientationZero() {
        assertEquals(0, new HocrParser().parse(HOCR).orientation());
    }

    @Test
    void takesTheOrientationFromTheTextAngleMostWordsShare() {
        String sideways = """
                <html><body>
                 <div class='ocr_page' title='bbox 0 0 3508 2480'>
                  <span class='ocr_line' title="bbox 3197 254 3246 999; textangle 270; x_size 49">
                   <span class='ocrx_word' title='bbox 3197 254 3246 671; x_wconf 93'>Stadtverwaltung</span>
                   <span class='ocrx_word' title='bbox 3197 690 3246 999; x_wconf 93'>Musterstadt</span>
                  </span>
                  <span class='ocr_line' title="bbox 10 10 60 40; x_size 20">
                   <span class='ocrx_word' title='bbox 10 10 60 40; x_wconf 50'>x</span>
                  </span>
                 </div>
                </body></html>
                """;

        RecognizedPage page = new HocrParser().parse(sideways);

        assertEquals(270, page.orientation());
        assertEquals("Stadtverwaltung Musterstadt\nx", page.text());
    }
}
