package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.security.Access;
import de.akte.core.shared.Page;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.DepartmentReferences;
import de.akte.core.casefile.ReferenceResolution;
import de.akte.core.casefile.FileReference;
import de.akte.core.classification.Classification;
import de.akte.core.classification.ClassificationRule;
import de.akte.core.classification.ClassificationRuleRepository;
import de.akte.core.classification.Classifier;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.classification.RuleBook;
import de.akte.core.classification.RuleKind;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.FieldOccurrence;
import de.akte.core.document.FilingState;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.routing.RoutingCause;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.security.SystemActor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Files documents: after recognition each one is classified (rules first, a file reference found on the page
 * beats any guess, then what was learned), what is sure enough is filed at once, the rest waits in its
 * department's review inbox; every filing by a person teaches the classifier immediately.
 */
public class FilingService {

    private static final Logger LOG = Logger.getLogger(FilingService.class.getName());
    private static final String SYSTEM = SystemActor.FILING.actorName();
    private static final int REBUILD_BATCH = 200;
    /** What a department sees when automation thinks one of its records belongs elsewhere: nothing from there. */
    public static final String ANOTHER_DEPARTMENT = "may belong to another department; the registry has been asked to check";

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final CaseFileRepository caseFiles;
    private final DepartmentRepository departments;
    private final ClassificationRuleRepository rules;
    private final Classifier classifier;
    private final IndexOutbox indexOutbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final FilingPolicy policy;
    private final RoutingDesk routing;
    private final DepartmentReferences references;
    private final FilingExamples examples;

    public FilingService(UnitOfWork unitOfWork, DocumentRepository documents, CaseFileRepository caseFiles,
                         DepartmentRepository departments, ClassificationRuleRepository rules, Classifier classifier,
                         IndexOutbox indexOutbox, AuditTrail audit, Clock clock, FilingPolicy policy,
                         RoutingDesk routing) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.caseFiles = caseFiles;
        this.departments = departments;
        this.rules = rules;
        this.classifier = classifier;
        this.indexOutbox = indexOutbox;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.routing = routing;
        this.references = new DepartmentReferences(caseFiles);
        this.examples = new FilingExamples(documents);
    }

    /**
     * Classifies a recognised document and files what is sure, always within the department it was brought into
     * (and the case file, if one was named): automation never moves a record out of either. Whatever points to
     * another department becomes a question to the registry. A document its uploader already filed (type and case
     * file given) is not second-guessed: it is a person's filing, and the classifier learns from it.
     */
    public void classify(long documentId) {
        FilingExample learnFrom = unitOfWork.call(() -> {
            Document document = documents.find(documentId).orElseThrow();
            String text = examples.text(document);
            if (document.documentType().isPresent() && document.caseFile().isPresent()) {
                document.classified(Map.of(), FilingState.FILED);
                return examples.of(document, text);
            }
            Map<Label, Prediction> predicted = predict(document, text);
            boolean complete = autoFile(document, predicted);
            document.classified(predicted, complete ? FilingState.AUTO_FILED : FilingState.REVIEW);
            indexOutbox.enqueue(document.id());
            audit.record(SYSTEM, AuditAction.UPDATE_METADATA, "document", Long.toString(documentId),
                    (complete ? "filed automatically: " : "to the review inbox: ") + describe(predicted));
            return null;
        });
        if (learnFrom != null) {
            classifier.learn(learnFrom);
        }
    }

    // predictions name only the document's own department and its case files; hints elsewhere go to the registry
    private Map<Label, Prediction> predict(Document document, String text) {
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
                    .ifPresent(p -> routing.ask(SystemActor.FILING, document, RoutingCause.RESEMBLANCE, ANOTHER_DEPARTMENT,
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
                    routing.ask(SystemActor.FILING, document, RoutingCause.RULE, ANOTHER_DEPARTMENT,
                            "rule (" + rule.reason() + ") assigns it to department " + rule.value());
                }
            }
            case CASE_FILE -> {
                ReferenceResolution resolution = references.resolve(department, rule.value());
                if (resolution.open().isPresent()) {
                    predicted.put(label, rule);
                } else if (resolution.outcome() == ReferenceResolution.Outcome.ELSEWHERE) {
                    routing.ask(SystemActor.FILING, document, RoutingCause.RULE, ANOTHER_DEPARTMENT, "rule (" + rule.reason()
                            + ") assigns it to case file " + rule.value() + " of department "
                            + resolution.caseFile().department().code());
                }
            }
            default -> throw new IllegalStateException("unknown label " + label);
        }
    }

    // applies every prediction sure enough, never out of the document's department; true when then filed completely
    private boolean autoFile(Document document, Map<Label, Prediction> predicted) {
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

    /** A clerk accepts or corrects the filing of a document (the same call files a document by hand). */
    public DocumentView file(Caller caller, long documentId, FilingDecision decision) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        FilingExample example = unitOfWork.call(() -> {
            Document document = Access.visible(caller, documents.find(documentId)
                    .orElseThrow(() -> new NotFoundException("no document " + documentId)), documentId);
            Map<Label, Prediction> proposal = document.predictions();
            String caseFileRef = firstNonBlank(decision.caseFile(), value(proposal, Label.CASE_FILE));
            String departmentCode = firstNonBlank(decision.department(), value(proposal, Label.DEPARTMENT));
            String type = firstNonBlank(decision.documentType(), value(proposal, Label.DOCUMENT_TYPE));
            CaseFile target = null;
            if (caseFileRef != null) {
                target = caseFile(caseFileRef).filter(c -> caller.canSee(c.department().code()))
                        .orElseThrow(() -> new InvalidInputException("caseFile", "no case file " + caseFileRef));
                if (departmentCode != null && !departmentCode.equals(target.department().code())
                        && decision.department() != null) {
                    throw new InvalidInputException("department", "case file " + target.fileReference()
                            + " belongs to department " + target.department().code() + ", not " + departmentCode);
                }
                departmentCode = target.department().code();
            }
            if (departmentCode != null) {
                String code = departmentCode;
                Department department = departments.findByCode(code).filter(d -> caller.canSee(d.code()))
                        .orElseThrow(() -> new InvalidInputException("department", "no department " + code));
                document.moveTo(department);
            }
            if (target != null) {
                document.fileInto(target, null);
            }
            if (type != null) {
                document.classifyAs(type);
            }
            boolean corrected = differs(proposal, Label.DOCUMENT_TYPE, type) || differs(proposal, Label.CASE_FILE,
                    caseFileRef) || differs(proposal, Label.DEPARTMENT, departmentCode);
            document.filedByPerson();
            indexOutbox.enqueue(document.id());
            audit.record(caller.username(), AuditAction.UPDATE_METADATA, "document", Long.toString(documentId),
                    (corrected ? "filing corrected: " : "filing accepted: ") + "documentType=" + type
                            + "; department=" + document.department().code() + "; caseFile="
                            + document.caseFile().map(c -> c.fileReference().value()).orElse(""));
            return examples.of(document);
        });
        classifier.learn(example);
        return unitOfWork.call(() -> DocumentView.of(documents.find(documentId).orElseThrow()));
    }

    /** What waits for review in a department the caller may see, oldest first. */
    public Page<DocumentView> inbox(Caller caller, String department, int page, int size) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        String code = department == null || department.isBlank() ? single(caller) : department.strip();
        if (!caller.canSee(code)) {
            throw new NotFoundException("no department " + code);
        }
        int pageSize = Math.max(1, Math.min(200, size));
        int pageNumber = Math.max(0, page);
        return unitOfWork.call(() -> new Page<>(documents.countInbox(code), pageNumber, pageSize,
                documents.inbox(code, pageNumber * pageSize, pageSize).stream().map(DocumentView::of).toList()));
    }

    private static String single(Caller caller) {
        if (caller.departments().size() == 1) {
            return caller.departments().iterator().next();
        }
        throw new InvalidInputException("department", "name the department whose inbox to show");
    }

    public List<RuleView> rules(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMIN);
        return unitOfWork.call(() -> rules.all().stream().map(RuleView::of).toList());
    }

    public RuleView addRule(Caller caller, NewRule request) {
        Access.requireAnyRole(caller, Role.ADMIN);
        Label label;
        RuleKind kind;
        try {
            label = Label.ofKey(request.label() == null ? "" : request.label().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("label", e.getMessage());
        }
        try {
            kind = RuleKind.valueOf(request.kind() == null ? "KEYWORD" : request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind must be KEYWORD, PHRASE or REGEX");
        }
        return unitOfWork.call(() -> {
            ClassificationRule rule;
            try {
                rule = new ClassificationRule(label, request.value(), request.pattern(), kind,
                        request.priority() == null ? 0 : request.priority(), clock.now(), caller.username());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage().startsWith("value") ? "value" : "pattern", e.getMessage());
            }
            rules.add(rule);
            audit.record(caller.username(), AuditAction.ADMIN, "classification-rule", rule.id().toString(),
                    "added: " + label.key() + "=" + rule.value() + " for " + kind + " '" + rule.pattern()
                            + "' priority " + rule.priority());
            return RuleView.of(rule);
        });
    }

    public void removeRule(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.ADMIN);
        unitOfWork.run(() -> {
            ClassificationRule rule = rules.find(id).orElseThrow(() -> new NotFoundException("no rule " + id));
            rules.remove(rule);
            audit.record(caller.username(), AuditAction.ADMIN, "classification-rule", Long.toString(id), "removed");
        });
    }

    /** Throws the learned model away and learns again from every document a person filed. */
    public long rebuild(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMIN);
        return rebuildFromRecords();
    }

    /** The same, for start-up when the model is missing (e.g. a lost index directory). */
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
                    .map(this.examples::of).toList()));
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

    private Optional<CaseFile> caseFile(String reference) {
        try {
            return caseFiles.findByReference(new FileReference(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String value(Map<Label, Prediction> proposal, Label label) {
        Prediction p = proposal.get(label);
        return p == null ? null : p.value();
    }

    private static boolean differs(Map<Label, Prediction> proposal, Label label, String chosen) {
        String proposed = value(proposal, label);
        return proposed != null && !proposed.equals(chosen);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }

    private static String describe(Map<Label, Prediction> predicted) {
        Map<String, String> parts = new LinkedHashMap<>();
        predicted.forEach((label, p) -> parts.put(label.key(), p.value() + String.format(Locale.ROOT, " (%.2f)",
                p.confidence())));
        return parts.isEmpty() ? "no prediction" : parts.toString();
    }
}
