package de.akte.core.application.demo;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.FileReference;
import de.akte.core.casefile.Process;
import de.akte.core.department.Department;
import de.akte.core.fileplan.FilePlan;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.fileplan.FilePlanRepository;
import de.akte.core.retention.DisposalAction;
import de.akte.core.retention.RetentionSchedule;
import de.akte.core.retention.RetentionTrigger;
import de.akte.core.security.SystemActor;
import de.akte.core.shared.Clock;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The demo town's records: a file plan with retention schedules, and case files with processes. */
public class DemoRecords {

    private static final String DEMO = SystemActor.DEMO_DATA.actorName();

    private final FilePlanRepository filePlans;
    private final CaseFileRepository caseFiles;
    private final Clock clock;

    public DemoRecords(FilePlanRepository filePlans, CaseFileRepository caseFiles, Clock clock) {
        this.filePlans = filePlans;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    /** Adds the file plan and the case files of the departments (inside a unit of work). */
    void seed(Map<String, Department> dept) {
        FilePlan plan = new FilePlan("Aktenplan der Stadt");
        filePlans.addPlan(plan);
        Map<String, FilePlanNode> node = new HashMap<>();
        node(node, plan, null, "0", "Allgemeine Verwaltung");
        node(node, plan, null, "2", "Finanzen");
        node(node, plan, "2", "20.30", "Haushaltsführung");
        node(node, plan, null, "3", "Recht, Sicherheit und Ordnung");
        node(node, plan, "3", "32.41", "Gewerbeangelegenheiten");
        node(node, plan, null, "5", "Soziales");
        node(node, plan, "5", "50.20", "Hilfe zum Lebensunterhalt");
        node(node, plan, null, "6", "Bauen und Wohnen");
        node(node, plan, "6", "63.10", "Baugenehmigungen");
        // schedules on the top units, inherited below; the texts are examples, not legal advice
        schedule(node.get("2"), 10, DisposalAction.DESTROY, "Aktenordnung der Stadt, Nr. 2: Haushaltsunterlagen 10 Jahre");
        schedule(node.get("3"), 6, DisposalAction.DESTROY, "Aktenordnung der Stadt, Nr. 3: Ordnungsangelegenheiten 6 Jahre");
        schedule(node.get("5"), 10, DisposalAction.REVIEW, "Aktenordnung der Stadt, Nr. 5: Sozialakten 10 Jahre, dann Bewertung");
        schedule(node.get("6"), 30, DisposalAction.TRANSFER,
                "Aktenordnung der Stadt, Nr. 6: Bauakten 30 Jahre, dann Anbietung an das Stadtarchiv");

        CaseFile gewerbe = caseFile("32-41/2025", "Gewerbeanmeldung Bäckerei Schmidt", dept.get("32"),
                node.get("32.41"), LocalDate.of(2025, 3, 12));
        process(gewerbe, "Anmeldung und Prüfung");
        CaseFile bau = caseFile("63-10/2025", "Neubau Einfamilienhaus Lindenstraße 4", dept.get("63"),
                node.get("63.10"), LocalDate.of(2025, 6, 2));
        process(bau, "Bauantrag");
        process(bau, "Nachforderungen");
        caseFile("63-10/2026", "Anbau Wintergarten Am Markt 7", dept.get("63"), node.get("63.10"),
                LocalDate.of(2026, 2, 17));
        caseFile("50-20/2026", "Leistungsakte M. Yilmaz", dept.get("50"), node.get("50.20"),
                LocalDate.of(2026, 1, 8));
        caseFile("20-30/2026", "Haushaltsplan 2026", dept.get("20"), node.get("20.30"),
                LocalDate.of(2025, 10, 1));
        // closed long ago: its six years are over, so the records officers have something on their list
        caseFile("32-41/2012", "Gaststättenerlaubnis Zur Linde (erloschen)", dept.get("32"), node.get("32.41"),
                LocalDate.of(2012, 4, 2)).close(LocalDate.of(2013, 5, 31));
    }

    private void node(Map<String, FilePlanNode> into, FilePlan plan, String parent, String code, String title) {
        FilePlanNode n = new FilePlanNode(plan, parent == null ? null : into.get(parent), code, title);
        filePlans.addNode(n);
        into.put(code, n);
    }

    private static void schedule(FilePlanNode node, int years, DisposalAction action, String legalBasis) {
        node.defineRetention(new RetentionSchedule(years, 0, RetentionTrigger.CASE_FILE_CLOSED, null, action,
                legalBasis));
    }

    private CaseFile caseFile(String reference, String title, Department department, FilePlanNode node,
                              LocalDate openedOn) {
        CaseFile c = new CaseFile(new FileReference(reference), title, department, node, openedOn, clock.now(),
                DEMO);
        caseFiles.add(c);
        return c;
    }

    private void process(CaseFile caseFile, String title) {
        caseFiles.addProcess(new Process(caseFile, title, clock.now(), DEMO));
    }
}
