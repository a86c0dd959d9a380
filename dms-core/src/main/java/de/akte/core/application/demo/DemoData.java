package de.akte.core.application.demo;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.security.SystemActor;

import java.util.HashMap;
import java.util.Map;

/**
 * A small municipality to try Akte with: four departments, a file plan, case files with
 * processes, and one user of each role. Loaded only on request and only into an empty system.
 */
public class DemoData {

    private static final String DEMO = SystemActor.DEMO_DATA.actorName();

    private final UnitOfWork unitOfWork;
    private final DepartmentRepository departments;
    private final DemoRecords records;
    private final DemoUsers staff;
    private final AuditTrail audit;
    private final Clock clock;

    public DemoData(UnitOfWork unitOfWork, DepartmentRepository departments, DemoRecords records, DemoUsers staff,
                    AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.departments = departments;
        this.records = records;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Loads the demo data unless departments exist already.
     *
     * @param password the password every demo user gets
     * @return whether anything was loaded
     */
    public boolean seed(char[] password) {
        String hash = staff.hash(password);
        return unitOfWork.call(() -> {
            if (!departments.findAll().isEmpty()) {
                return false;
            }
            Map<String, Department> dept = new HashMap<>();
            department(dept, "20", "Kämmerei");
            department(dept, "32", "Ordnungsamt");
            department(dept, "50", "Sozialamt");
            department(dept, "63", "Bauaufsicht");

            records.seed(dept);
            staff.seed(hash, dept);
            audit.record(DEMO, AuditAction.ADMIN, "system", "demo-data", "demo data loaded");
            return true;
        });
    }

    private void department(Map<String, Department> into, String code, String name) {
        Department d = new Department(code, name, clock.now());
        departments.add(d);
        into.put(code, d);
    }
}
