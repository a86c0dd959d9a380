package de.akte.core.infrastructure.lucene.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces the dashes and slashes inside file references ({@code 32-41/2025}, {@code III/2-123.45})
 * by joiner marks the standard tokenizer does not break at, so a reference reaches
 * {@link FileReferenceFilter} as one token.
 *
 * <p>A dash or slash counts as inside a reference when letters or digits stand on both sides and at
 * least one of them is a digit: {@code 32-41/2025} and {@code Covid-19} are joined, {@code E-Mail} is not.
 */
public final class FileReferenceCharFilter extends CharFilter {

    // Connector punctuation (Unicode Pc): UAX#29 word breaking never splits letters or digits around it.
    static final char DASH_MARK = '\u203F';
    static final char SLASH_MARK = '\u2040';

    private char[] text;
    private int position;

    public FileReferenceCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (text == null) {
            text = markReferences(readAll());
        }
        if (position >= text.length) {
            return -1;
        }
        int n = Math.min(length, text.length - position);
        System.arraycopy(text, position, buffer, offset, n);
        position += n;
        return n;
    }

    // Every replacement is one char for one char, so offsets into the original text stay valid.
    @Override
    protected int correct(int currentOffset) {
        return currentOffset;
    }

    private char[] readAll() throws IOException {
        StringBuilder all = new StringBuilder();
        char[] chunk = new char[8192];
        int n;
        while ((n = input.read(chunk)) != -1) {
            all.append(chunk, 0, n);
        }
        char[] chars = new char[all.length()];
        all.getChars(0, all.length(), chars, 0);
        return chars;
    }

    private static char[] markReferences(char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == DASH_MARK || c == SLASH_MARK) {
                // a stray mark in the input must not turn into a separator
                chars[i] = ' ';
            } else if ((isDash(c) || c == '/') && i > 0 && i + 1 < chars.length && joinsReference(chars[i - 1], chars[i + 1])) {
                chars[i] = c == '/' ? SLASH_MARK : DASH_MARK;
            }
        }
        return chars;
    }

    private static boolean isDash(char c) {
        // hyphen-minus and the dashes OCR tends to produce for it
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013';
    }

    private static boolean joinsReference(char before, char after) {
        return Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after)
                && (Character.isDigit(before) || Character.isDigit(after));
    }
}
