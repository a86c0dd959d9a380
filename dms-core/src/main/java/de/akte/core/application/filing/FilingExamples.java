package de.akte.core.application.filing;

import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentPage;
import de.akte.core.document.DocumentRepository;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A filed document as the classifier learns from it: its recognised text and how it is filed. */
final class FilingExamples {

    private final DocumentRepository documents;

    FilingExamples(DocumentRepository documents) {
        this.documents = documents;
    }

    FilingExample of(Document document) {
        return of(document, text(document));
    }

    FilingExample of(Document document, String text) {
        Map<Label, String> labels = new EnumMap<>(Label.class);
        document.documentType().ifPresent(t -> labels.put(Label.DOCUMENT_TYPE, t));
        labels.put(Label.DEPARTMENT, document.department().code());
        document.caseFile().ifPresent(c -> labels.put(Label.CASE_FILE, c.fileReference().value()));
        return new FilingExample(document.id(), text, labels);
    }

    String text(Document document) {
        return documents.pagesOf(document.current().id()).stream().map(DocumentPage::text)
                .collect(Collectors.joining("\n\n"));
    }
}
