package de.akte.core.infrastructure.lucene.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Turns a token carrying {@link FileReferenceCharFilter}'s marks back into the file reference it
 * spells ({@code 32-41/2025}), types it {@link #TYPE} and marks it as keyword so stemming and
 * compound splitting leave it whole.
 */
public final class FileReferenceFilter extends TokenFilter {

    /** Token type of a whole file reference. */
    public static final String TYPE = "<FILE_REFERENCE>";

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    public FileReferenceFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = termAtt.buffer();
        boolean reference = false;
        for (int i = 0; i < termAtt.length(); i++) {
            if (buffer[i] == FileReferenceCharFilter.DASH_MARK) {
                buffer[i] = '-';
                reference = true;
            } else if (buffer[i] == FileReferenceCharFilter.SLASH_MARK) {
                buffer[i] = '/';
                reference = true;
            }
        }
        if (reference) {
            typeAtt.setType(TYPE);
            keywordAtt.setKeyword(true);
        }
        return true;
    }
}
