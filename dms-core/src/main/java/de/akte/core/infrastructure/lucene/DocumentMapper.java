package de.akte.core.infrastructure.lucene;

import de.akte.core.search.PageOffsets;
import de.akte.core.search.IndexedDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** Turns an {@link IndexedDocument} into the Lucene document of its index entry (see {@link IndexFields}). */
final class DocumentMapper {

    /** The term that identifies the entry of a document. */
    static Term idTerm(long documentId) {
        return new Term(IndexFields.ID, Long.toString(documentId));
    }

    Document toLucene(IndexedDocument source) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, Long.toString(source.documentId()), Field.Store.YES));
        doc.add(new NumericDocValuesField(IndexFields.ID, source.documentId()));
        if (source.title() != null) {
            doc.add(new TextField(IndexFields.TITLE, source.title(), Field.Store.YES));
        }
        doc.add(new Field(IndexFields.TEXT, PageOffsets.join(source.pages()), IndexFields.TEXT_WITH_OFFSETS));
        doc.add(new StoredField(IndexFields.PAGE_STARTS, PageOffsets.of(source.pages()).encode()));
        if (source.caseFile() != null) {
            doc.add(new StringField(IndexFields.CASE_FILE, source.caseFile(), Field.Store.YES));
            doc.add(new TextField(IndexFields.CASE_FILE_TEXT, source.caseFile(), Field.Store.NO));
        }
        addKeyword(doc, IndexFields.DEPARTMENT, source.department());
        addKeyword(doc, IndexFields.DOCUMENT_TYPE, source.documentType());
        if (source.date() != null) {
            long epochDay = source.date().toEpochDay();
            doc.add(new LongPoint(IndexFields.DATE, epochDay));
            doc.add(new NumericDocValuesField(IndexFields.DATE, epochDay));
            doc.add(new StoredField(IndexFields.DATE, epochDay));
        }
        source.metadata().values().stream()
                .filter(value -> value != null && !value.isBlank())
                .forEach(value -> doc.add(new TextField(IndexFields.METADATA, value, Field.Store.NO)));
        source.notes().stream()
                .filter(note -> note != null && !note.isBlank())
                .forEach(note -> doc.add(new TextField(IndexFields.NOTES, note, Field.Store.NO)));
        return doc;
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.YES));
            doc.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }
}
