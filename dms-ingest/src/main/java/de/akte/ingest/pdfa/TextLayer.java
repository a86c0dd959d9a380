package de.akte.ingest.pdfa;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes OCR words as invisible text (rendering mode 3) so viewers and text extractors can select and search them.
 *
 * <p>Words are grouped into lines and share the line's baseline and font size, because extractors such as
 * PDFTextStripper decide line breaks by baseline; per-word baselines (descenders!) would split lines. Each word's
 * glyph run is stretched with Tz to exactly its box width, and a stretched space glyph fills the gap to the next
 * word so extractors see a real space instead of guessing from gaps.
 */
final class TextLayer {
    /** Drawn instead of a character the font cannot show; the real text goes into /ActualText. */
    private static final String REPLACEMENT = "?";
    private static final float MIN_GLYPH_RUN_PT = 0.05f;

    private final PDType0Font font;
    private final float ascent;
    private final float descent;
    private final float spaceWidth;
    private final Map<Integer, Boolean> glyphCache = new HashMap<>();

    TextLayer(PDType0Font font) throws IOException {
        this.font = font;
        // hhea metrics of the embedded font; the line box is split between them like the glyphs are
        float fontAscent = font.getFontDescriptor().getAscent();
        float fontDescent = font.getFontDescriptor().getDescent();
        if (fontAscent <= 0 || fontDescent >= 0) {
            fontAscent = 800;
            fontDescent = -200;
        }
        this.ascent = fontAscent / 1000f;
        this.descent = -fontDescent / 1000f;
        this.spaceWidth = font.getStringWidth(" ") / 1000f;
    }

    /** Draws all words of one page; does nothing for an empty list. */
    void draw(PDPageContentStream cs, PageGeometry geometry, List<WordBox> words) throws IOException {
        List<List<WordBox>> lines = groupLines(words);
        if (lines.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setRenderingMode(RenderingMode.NEITHER);
        double angle = geometry.textAngleRadians();
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        // round away floating noise such as cos(90°) = 6e-17, which would otherwise skew the text slightly
        cos = Math.round(cos);
        sin = Math.round(sin);
        for (List<WordBox> line : lines) {
            drawLine(cs, geometry, line, cos, sin);
        }
        cs.endText();
    }

    private void drawLine(PDPageContentStream cs, PageGeometry g, List<WordBox> line, float cos, float sin)
            throws IOException {
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (WordBox w : line) {
            top = Math.min(top, w.y0());
            bottom = Math.max(bottom, w.y1());
        }
        float lineHeightPt = Math.max(1, bottom - top) * g.ptPerPxY();
        float fontSize = lineHeightPt / (ascent + descent);
        float baseline = bottom * g.ptPerPxY() - descent * fontSize;
        cs.setFont(font, fontSize);
        for (int i = 0; i < line.size(); i++) {
            WordBox word = line.get(i);
            Shown shown = prepare(word.text());
            float a0 = word.x0() * g.ptPerPxX();
            float a1 = word.x1() * g.ptPerPxX();
            Point2D.Float origin = g.toUserSpace(a0, baseline);
            cs.setTextMatrix(new Matrix(cos, sin, -sin, cos, origin.x, origin.y));
            float natural = font.getStringWidth(shown.glyphs()) / 1000f * fontSize;
            float target = Math.max(a1 - a0, MIN_GLYPH_RUN_PT);
            cs.setHorizontalScaling(natural > 0 ? 100f * target / natural : 100f);
            if (shown.actualText() != null) {
                // Acrobat and others copy/search the ActualText; the shown glyphs are only a stand-in
                PDPropertyList props = PDPropertyList.create(new COSDictionary());
                props.getCOSObject().setString(COSName.ACTUAL_TEXT, shown.actualText());
                cs.beginMarkedContent(COSName.getPDFName("Span"), props);
                cs.showText(shown.glyphs());
                cs.endMarkedContent();
            } else {
                cs.showText(shown.glyphs());
            }
            if (i + 1 < line.size()) {
                float gap = line.get(i + 1).x0() * g.ptPerPxX() - a1;
                cs.setHorizontalScaling(100f * Math.max(gap, MIN_GLYPH_RUN_PT) / (spaceWidth * fontSize));
                cs.showText(" ");
            }
        }
    }

    /**
     * Puts words into lines: a word continues the current line when it lies to the right of the previous word
     * and overlaps the line vertically by at least half of the smaller height. OCR engines emit words in reading
     * order, so only neighbours need comparing.
     */
    static List<List<WordBox>> groupLines(List<WordBox> words) {
        List<List<WordBox>> lines = new ArrayList<>();
        List<WordBox> current = null;
        int top = 0;
        int bottom = 0;
        WordBox previous = null;
        for (WordBox w : words) {
            if (w.text().isBlank()) {
                continue;
            }
            boolean sameLine = false;
            if (current != null) {
                int overlap = Math.min(bottom, w.y1()) - Math.max(top, w.y0());
                int smaller = Math.min(bottom - top, w.y1() - w.y0());
                boolean rightwards = w.x0() >= previous.x0() + (previous.x1() - previous.x0()) / 2;
                sameLine = rightwards && overlap * 2 >= smaller;
            }
            if (!sameLine) {
                current = new ArrayList<>();
                lines.add(current);
                top = w.y0();
                bottom = w.y1();
            } else {
                top = Math.min(top, w.y0());
                bottom = Math.max(bottom, w.y1());
            }
            current.add(w);
            previous = w;
        }
        return lines;
    }

    /** Glyph string to show and, when characters had to be replaced, the true text for /ActualText. */
    private record Shown(String glyphs, String actualText) {
    }

    private Shown prepare(String raw) throws IOException {
        // NFC: OCR may deliver "a" + combining diaeresis; the font has the precomposed "ä"
        String text = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        StringBuilder glyphs = new StringBuilder(text.length());
        boolean replaced = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                glyphs.append(' ');
            } else if (canShow(cp)) {
                glyphs.appendCodePoint(cp);
            } else {
                // compatibility forms (ligatures like "ﬁ", full-width letters) often map to shown characters
                String compat = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                if (compat.codePoints().allMatch(this::canShow)) {
                    glyphs.append(compat);
                } else {
                    glyphs.append(REPLACEMENT);
                }
                replaced = true;
            }
        }
        String shown = glyphs.isEmpty() ? REPLACEMENT : glyphs.toString();
        return new Shown(shown, replaced ? text : null);
    }

    private boolean canShow(int codePoint) {
        return glyphCache.computeIfAbsent(codePoint, cp -> {
            try {
                // .notdef must never be referenced in PDF/A-2, even in invisible text (6.2.11.8)
                // encode() throws when the font maps the code point to glyph 0
                return font.encode(new String(Character.toChars(cp))).length > 0;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}
