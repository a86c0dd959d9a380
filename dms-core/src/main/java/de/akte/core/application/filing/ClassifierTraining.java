package de.akte.core.application.filing;

import de.akte.core.classification.Classifier;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentPage;
import de.akte.core.document.DocumentRepository;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What the classifier learns from: every document a person filed, as its recognised text and how it is filed. It
 * learns each filing at once, forgets a document that left its department, and can learn everything again.
 */
public class ClassifierTraining {

    private static final Logger LOG = Logger.getLogger(ClassifierTraining.class.getName());
    private static final int REBUILD_BATCH = 200;

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final Classifier classifier;

    public ClassifierTraining(UnitOfWork unitOfWork, DocumentRepository documents, Classifier classifier) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.classifier = classifier;
    }

    /** The document as the classifier learns it, with its recognised text (inside a unit of work). */
    FilingExample example(Document document) {
        return example(document, text(document));
    }

    FilingExample example(Document document, String text) {
        Map<Label, String> labels = new EnumMap<>(Label.class);
        document.documentType().ifPresent(t -> labels.put(Label.DOCUMENT_TYPE, t));
        labels.put(Label.DEPARTMENT, document.department().code());
        document.caseFile().ifPresent(c -> labels.put(Label.CASE_FILE, c.fileReference().value()));
        return new FilingExample(document.id(), text, labels);
    }

    /** The recognised text of the document's current version (inside a unit of work). */
    String text(Document document) {
        return documents.pagesOf(document.current().id()).stream().map(DocumentPage::text)
                .collect(Collectors.joining("\n\n"));
    }

    /** Learns a filing, after the unit of work that made it committed. */
    void learn(FilingExample example) {
        classifier.learn(example);
    }

    /** Forgets a document, e.g. one that left the department it was learned in. */
    void forget(long documentId) {
        classifier.forget(documentId);
    }

    /** Throws the learned model away and learns again from every document a person filed. */
    public long rebuildFromRecords() {
        List<FilingExample> filed = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = unitOfWork.call(() -> documents.filedIdsAfter(from, REBUILD_BATCH));
            if (ids.isEmpty()) {
                break;
            }
            filed.addAll(unitOfWork.call(() -> ids.stream().map(id -> documents.find(id).orElseThrow())
                    .map(this::example).toList()));
            after = ids.get(ids.size() - 1);
        }
        classifier.rebuild(filed);
        LOG.info(() -> "classifier rebuilt from " + filed.size() + " filed documents");
        return filed.size();
    }

    /** How many filed documents the classifier knows. */
    public long learned() {
        return classifier.size();
    }
}
