package de.akte.ingest.classify;

/** How well the classifier labels a corpus, under k-fold cross-validation and online arrival. */
public record EvaluationResult(ProtocolResult crossValidation, ProtocolResult online) {
}
