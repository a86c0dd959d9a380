package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Page;

import java.util.List;

/**
 * Files documents: after recognition each one is classified (rules first, a file reference found on the page
 * beats any guess, then what was learned), what is sure enough is filed at once, the rest waits in its
 * department's review inbox; every filing by a person teaches the classifier immediately.
 */
public class FilingService {

    /** What a department sees when automation thinks one of its records belongs elsewhere: nothing from there. */
    public static final String ANOTHER_DEPARTMENT = "may belong to another department; the registry has been asked to check";

    private final AutomaticFiling automatic;
    private final FilingDecisions decisions;
    private final ReviewInbox inbox;
    private final ClassificationRules rules;
    private final ClassifierTraining training;

    public FilingService(AutomaticFiling automatic, FilingDecisions decisions, ReviewInbox inbox,
                         ClassificationRules rules, ClassifierTraining training) {
        this.automatic = automatic;
        this.decisions = decisions;
        this.inbox = inbox;
        this.rules = rules;
        this.training = training;
    }

    /** See {@link AutomaticFiling#classify}. */
    public void classify(long documentId) {
        automatic.classify(documentId);
    }

    /** A clerk accepts or corrects the filing of a document (the same call files a document by hand). */
    public DocumentView file(Caller caller, long documentId, FilingDecision decision) {
        return decisions.file(caller, documentId, decision);
    }

    /** What waits for review in a department the caller may see, oldest first. */
    public Page<DocumentView> inbox(Caller caller, String department, int page, int size) {
        return inbox.inbox(caller, department, page, size);
    }

    public List<RuleView> rules(Caller caller) {
        return rules.rules(caller);
    }

    public RuleView addRule(Caller caller, NewRule request) {
        return rules.addRule(caller, request);
    }

    public void removeRule(Caller caller, long id) {
        rules.removeRule(caller, id);
    }

    /** Throws the learned model away and learns again from every document a person filed. */
    public long rebuild(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMIN);
        return training.rebuildFromRecords();
    }

    /** The same, for start-up when the model is missing (e.g. a lost index directory). */
    public long rebuildFromRecords() {
        return training.rebuildFromRecords();
    }

    /** How many filed documents the classifier knows. */
    public long learned() {
        return training.learned();
    }
}
