package de.akte.ingest.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Extracts document date, file references, sender, IBANs and euro amounts from a document's text per page.
 *
 * <p>Immutable and therefore thread-safe; one instance can serve all documents. Results are ordered by page,
 * then offset. At most one DOCUMENT_DATE and one SENDER are returned.
 */
public final class MetadataExtractor {

    private final DateFinder dates = new DateFinder();
    private final FileReferenceFinder references;
    private final IbanFinder ibans = new IbanFinder();
    private final AmountFinder amounts = new AmountFinder();
    private final SenderFinder senders = new SenderFinder();

    public MetadataExtractor() {
        this(FileReferencePatterns.DEFAULT);
    }

    public MetadataExtractor(FileReferencePatterns referencePatterns) {
        this.references = new FileReferenceFinder(Objects.requireNonNull(referencePatterns, "referencePatterns"));
    }

    /** Fields found in the given pages (page 1 first); offsets are char offsets within each page's text. */
    public List<ExtractedField> extract(List<String> pages) {
        Objects.requireNonNull(pages, "pages");
        List<String> texts = pages.stream().map(p -> p == null ? "" : p).toList();
        List<ExtractedField> found = new ArrayList<>();
        if (!texts.isEmpty()) {
            senders.find(texts.get(0)).ifPresent(found::add);
        }
        dates.findDocumentDate(texts).ifPresent(found::add);
        for (int i = 0; i < texts.size(); i++) {
            found.addAll(references.find(i + 1, texts.get(i)));
            found.addAll(ibans.find(i + 1, texts.get(i)));
            found.addAll(amounts.find(i + 1, texts.get(i)));
        }
        found.sort(Comparator.comparingInt(ExtractedField::page).thenComparingInt(ExtractedField::start));
        return List.copyOf(found);
    }
}
