package de.akte.core.infrastructure.lucene.analysis;

import java.io.Reader;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The German analysis chain for document text, title and metadata, in an index and a query variant.
 *
 * <p>Both: file references kept whole ({@link FileReferenceCharFilter}, {@link FileReferenceFilter}),
 * lower-casing, umlaut and ß folding ({@link GermanNormalizationFilter}: Müller, Mueller → muller;
 * Straße → strasse), light stemming ({@link GermanLightStemFilter}). The index variant also adds, at
 * the same position, the parts of compounds ({@link CompoundWordSplitFilter}) and of file references
 * ({@link FileReferencePartsFilter}). The query variant adds no parts, because parts at one query
 * position would be OR-ed: {@code Bauantrag} would then find every {@code Antrag}. It drops the
 * {@code AZ} in front of a reference instead ({@link FileReferencePrefixFilter}).
 */
public final class GermanDocumentAnalyzer extends Analyzer {

    // Values of a multi-valued field (metadata) must not form a phrase across their boundary.
    private static final int POSITION_GAP_BETWEEN_VALUES = 100;

    private final GermanCompoundSplitter splitter;

    private GermanDocumentAnalyzer(GermanCompoundSplitter splitter) {
        this.splitter = splitter;
    }

    /** The variant for indexing: adds compound and file reference parts. */
    public static GermanDocumentAnalyzer forIndexing(GermanCompoundSplitter splitter) {
        return new GermanDocumentAnalyzer(Objects.requireNonNull(splitter, "splitter"));
    }

    /** The variant for parsing queries: no parts, {@code AZ} before a reference dropped. */
    public static GermanDocumentAnalyzer forQueries() {
        return new GermanDocumentAnalyzer(null);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new FileReferenceCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream chain = new LowerCaseFilter(source);
        chain = new FileReferenceFilter(chain);
        chain = indexing() ? new FileReferencePartsFilter(chain) : new FileReferencePrefixFilter(chain);
        // the splitter's dictionary is folded too, so splitting comes after folding
        chain = new GermanNormalizationFilter(chain);
        if (indexing()) {
            chain = new CompoundWordSplitFilter(chain, splitter);
        }
        chain = new GermanLightStemFilter(chain);
        return new TokenStreamComponents(source, chain);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP_BETWEEN_VALUES;
    }

    private boolean indexing() {
        return splitter != null;
    }
}
