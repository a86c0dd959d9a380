package de.akte.core.application.filing;

import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.DepartmentReferences;
import de.akte.core.casefile.ReferenceResolution;
import de.akte.core.classification.Classification;
import de.akte.core.classification.ClassificationRuleRepository;
import de.akte.core.classification.Classifier;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.classification.RuleBook;
import de.akte.core.document.Document;
import de.akte.core.document.FieldOccurrence;
import de.akte.core.routing.RoutingCause;
import de.akte.core.security.SystemActor;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a recognised document belongs, as far as automation may say: rules first, a file reference found on the
 * page beats any guess, then what was learned; always within the department the document was brought into. A hint
 * at another department becomes a question to the registry, never a prediction.
 */
public class FilingPrediction {

    private final Classifier classifier;
    private final DepartmentReferences references;
    private final ClassificationRuleRepository rules;
    private final RoutingDesk routing;
    private final FilingPolicy policy;

    public FilingPrediction(Classifier classifier, CaseFileRepository caseFiles, ClassificationRuleRepository rules,
                            RoutingDesk routing, FilingPolicy policy) {
        this.classifier = classifier;
        this.references = new DepartmentReferences(caseFiles);
        this.rules = rules;
        this.routing = routing;
        this.policy = policy;
    }

    // predictions name only the document's own department and its case files; hints elsewhere go to the registry
    Map<Label, Prediction> predict(Document document, String text) {
        String department = document.department().code();
        Map<Label, Prediction> predicted = new EnumMap<>(Label.class);
        Classification learned = classifier.classify(department, text);
        learned.get(Label.DOCUMENT_TYPE).ifPresent(p -> predicted.put(Label.DOCUMENT_TYPE, p));
        learned.get(Label.CASE_FILE).filter(p -> references.resolve(department, p.value()).open().isPresent())
                .ifPresent(p -> predicted.put(Label.CASE_FILE, p));
        new RuleBook(rules.all()).apply(text).forEach((label, p) -> applyRule(document, predicted, label, p));
        // a file reference on the page (found by OCR) beats any guess, if it is one of this department's
        for (FieldOccurrence field : document.current().fields()) {
            if (!"FILE_REFERENCE".equals(field.kind())) {
                continue;
            }
            ReferenceResolution resolution = references.resolve(department, field.value());
            if (resolution.open().isPresent()) {
                predicted.put(Label.CASE_FILE, new Prediction(resolution.caseFile().fileReference().value(), 1.0,
                        "file reference " + field.raw() + " found on page " + field.page()));
                break;
            }
            if (resolution.outcome() == ReferenceResolution.Outcome.ELSEWHERE) {
                // only the registry learns of it: the department sees the same as for a reference that does not exist
                routing.ask(SystemActor.FILING, document, RoutingCause.TEXT_REFERENCE, null, "page " + field.page()
                        + " mentions file reference " + resolution.caseFile().fileReference() + ", a case file of "
                        + "department " + resolution.caseFile().department().code());
            }
        }
        document.caseFile().ifPresent(c ->
                predicted.put(Label.CASE_FILE, new Prediction(c.fileReference().value(), 1.0, "filed on arrival")));
        predicted.put(Label.DEPARTMENT, new Prediction(department, 1.0, "the department it was brought into"));
        if (document.caseFile().isEmpty()) {
            classifier.classifyAcrossDepartments(text).get(Label.DEPARTMENT)
                    .filter(p -> !p.value().equals(department) && p.confidence() >= policy.autoFileConfidence())
                    .ifPresent(p -> routing.ask(SystemActor.FILING, document, RoutingCause.RESEMBLANCE,
                            FilingService.ANOTHER_DEPARTMENT,
                            String.format(Locale.ROOT, "resembles the filed records of department %s (%.2f; %s)",
                                    p.value(), p.confidence(), p.reason())));
        }
        return predicted;
    }

    private void applyRule(Document document, Map<Label, Prediction> predicted, Label label, Prediction rule) {
        String department = document.department().code();
        switch (label) {
            case DOCUMENT_TYPE -> predicted.put(label, rule);
            case DEPARTMENT -> {
                if (!rule.value().equals(department)) {
                    routing.ask(SystemActor.FILING, document, RoutingCause.RULE, FilingService.ANOTHER_DEPARTMENT,
                            "rule (" + rule.reason() + ") assigns it to department " + rule.value());
                }
            }
            case CASE_FILE -> {
                ReferenceResolution resolution = references.resolve(department, rule.value());
                if (resolution.open().isPresent()) {
                    predicted.put(label, rule);
                } else if (resolution.outcome() == ReferenceResolution.Outcome.ELSEWHERE) {
                    routing.ask(SystemActor.FILING, document, RoutingCause.RULE, FilingService.ANOTHER_DEPARTMENT,
                            "rule (" + rule.reason() + ") assigns it to case file " + rule.value()
                                    + " of department " + resolution.caseFile().department().code());
                }
            }
            default -> throw new IllegalStateException("unknown label " + label);
        }
    }

    // applies every prediction sure enough, never out of the document's department; true when then filed completely
    boolean autoFile(Document document, Map<Label, Prediction> predicted) {
        Prediction caseFile = predicted.get(Label.CASE_FILE);
        if (caseFile != null && caseFile.confidence() >= policy.autoFileConfidence() && document.caseFile().isEmpty()) {
            references.resolve(document.department().code(), caseFile.value()).open()
                    .ifPresent(target -> document.fileInto(target, null));
        }
        Prediction type = predicted.get(Label.DOCUMENT_TYPE);
        if (document.documentType().isEmpty() && type != null && type.confidence() >= policy.autoFileConfidence()) {
            document.classifyAs(type.value());
        }
        return document.documentType().isPresent() && document.caseFile().isPresent();
    }

    static String describe(Map<Label, Prediction> predicted) {
        Map<String, String> parts = new LinkedHashMap<>();
        predicted.forEach((label, p) -> parts.put(label.key(), p.value() + String.format(Locale.ROOT, " (%.2f)",
                p.confidence())));
        return parts.isEmpty() ? "no prediction" : parts.toString();
    }
}
