package de.akte.core.application.filing;

import de.akte.core.application.records.ScheduleView;
import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.fileplan.FilePlan;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.fileplan.FilePlanRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lists the file plan and lets records officers add positions to it. */
public class FilePlanService {

    private final UnitOfWork unitOfWork;
    private final FilePlanRepository filePlans;
    private final AuditTrail audit;

    public FilePlanService(UnitOfWork unitOfWork, FilePlanRepository filePlans, AuditTrail audit) {
        this.unitOfWork = unitOfWork;
        this.filePlans = filePlans;
        this.audit = audit;
    }

    /** Every node of every plan; the file plan is no secret to anyone signed in. */
    public List<FilePlanNodeView> nodes(Caller caller) {
        Objects.requireNonNull(caller);
        return unitOfWork.call(() -> {
            List<FilePlanNodeView> all = new ArrayList<>();
            for (FilePlan plan : filePlans.findAllPlans()) {
                filePlans.findNodes(plan).forEach(n -> all.add(view(n)));
            }
            return all;
        });
    }

    public FilePlanNodeView add(Caller caller, NewFilePlanNode request) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        if (request == null || blank(request.plan()) || blank(request.code()) || blank(request.title())) {
            throw new InvalidInputException("node", "a file-plan node needs plan, code and title");
        }
        if (request.code().strip().length() > 64 || request.title().strip().length() > 300
                || request.plan().strip().length() > 200) {
            throw new InvalidInputException("node", "code (64), title (300) or plan (200) is too long");
        }
        return unitOfWork.call(() -> {
            FilePlan plan = filePlans.findPlanByName(request.plan().strip()).orElseGet(() -> {
                FilePlan created = new FilePlan(request.plan().strip());
                filePlans.addPlan(created);
                return created;
            });
            if (filePlans.findNodeByCode(request.code().strip()).isPresent()) {
                throw new ConflictException("a file-plan node " + request.code().strip() + " exists already");
            }
            FilePlanNode parent = null;
            if (!blank(request.parentCode())) {
                parent = filePlans.findNodeByCode(request.parentCode().strip())
                        .filter(p -> p.filePlan().id().equals(plan.id()))
                        .orElseThrow(() -> new InvalidInputException("parentCode",
                                "no node " + request.parentCode() + " in plan " + plan.name()));
            }
            FilePlanNode node = new FilePlanNode(plan, parent, request.code().strip(), request.title().strip());
            filePlans.addNode(node);
            audit.record(caller.username(), AuditAction.CREATE, "filePlanNode", node.id().toString(),
                    "plan=" + plan.name() + "; code=" + node.code());
            return view(node);
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static FilePlanNodeView view(FilePlanNode n) {
        return new FilePlanNodeView(n.id(), n.filePlan().name(), n.code(), n.title(),
                n.parent().map(FilePlanNode::code).orElse(null), ScheduleView.of(n.ownRetention().orElse(null)));
    }
}
