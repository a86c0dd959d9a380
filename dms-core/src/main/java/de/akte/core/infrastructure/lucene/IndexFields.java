package de.akte.core.infrastructure.lucene;

import java.util.Map;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/** Names and types of the fields of a document's index entry. */
final class IndexFields {

    /** Document id: exact term (update/delete key), numeric doc values (tie-break), stored. */
    static final String ID = "id";
    /** Title: German analysis, stored. */
    static final String TITLE = "title";
    /** All pages, joined by {@link de.akte.core.search.PageOffsets#SEPARATOR}: German analysis, offsets in postings, stored. */
    static final String TEXT = "text";
    /** Where each page starts in {@link #TEXT}; stored only. */
    static final String PAGE_STARTS = "pageStarts";
    /** Case file reference: exact term for the filter, stored. */
    static final String CASE_FILE = "caseFile";
    /** Case file reference under German analysis, so it is found by free text. */
    static final String CASE_FILE_TEXT = "caseFileText";
    /** Department code: exact term, sorted doc values (facet), stored. */
    static final String DEPARTMENT = "department";
    /** Document type: exact term, sorted doc values (facet), stored. */
    static final String DOCUMENT_TYPE = "documentType";
    /** Document date as epoch day: points (range filter), numeric doc values (sort, year facet), stored. */
    static final String DATE = "date";
    /** Metadata values, one value per entry, German analysis. */
    static final String METADATA = "metadata";
    /** Annotation texts, one value per annotation, German analysis. */
    static final String NOTES = "notes";

    /** The fields free text is searched in, with their boosts. */
    static final Map<String, Float> SEARCHED = Map.of(TITLE, 3f, TEXT, 1f, METADATA, 1f, CASE_FILE_TEXT, 2f, NOTES, 1f);

    // Offsets in the postings let the highlighter and the page lookup skip re-analysing the text.
    static final FieldType TEXT_WITH_OFFSETS;

    static {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        TEXT_WITH_OFFSETS = type;
    }

    private IndexFields() {
    }
}
