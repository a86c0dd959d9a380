package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentChanges;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.FilingState;
import de.akte.core.security.SystemActor;
import de.akte.core.shared.UnitOfWork;

import java.util.Map;

/**
 * Filing after recognition: each document is classified, what is sure enough is filed at once, the rest waits in
 * its department's review inbox. Automation never moves a record out of its department or case file.
 */
public class AutomaticFiling {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final FilingPrediction prediction;
    private final ClassifierTraining training;
    private final DocumentChanges changes;

    public AutomaticFiling(UnitOfWork unitOfWork, DocumentRepository documents, FilingPrediction prediction,
                           ClassifierTraining training, DocumentChanges changes) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.prediction = prediction;
        this.training = training;
        this.changes = changes;
    }

    /**
     * Classifies a recognised document and files what is sure, always within the department it was brought into
     * (and the case file, if one was named). A document its uploader already filed (type and case file given) is
     * not second-guessed: it is a person's filing, and the classifier learns from it.
     */
    public void classify(long documentId) {
        FilingExample learnFrom = unitOfWork.call(() -> {
            Document document = documents.find(documentId).orElseThrow();
            String text = training.text(document);
            if (document.documentType().isPresent() && document.caseFile().isPresent()) {
                document.classified(Map.of(), FilingState.FILED);
                return training.example(document, text);
            }
            Map<Label, Prediction> predicted = prediction.predict(document, text);
            boolean complete = prediction.autoFile(document, predicted);
            document.classified(predicted, complete ? FilingState.AUTO_FILED : FilingState.REVIEW);
            changes.metadataChanged(SystemActor.FILING.actorName(), document,
                    (complete ? "filed automatically: " : "to the review inbox: ")
                            + FilingPrediction.describe(predicted));
            return null;
        });
        if (learnFrom != null) {
            training.learn(learnFrom);
        }
    }
}
