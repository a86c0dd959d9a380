package de.akte.core.fileplan;

import java.util.List;
import java.util.Optional;

/** Stores and finds file plans and their nodes. */
public interface FilePlanRepository {
    Optional<FilePlan> findPlanByName(String name);

    List<FilePlan> findAllPlans();

    void addPlan(FilePlan plan);

    Optional<FilePlanNode> findNode(long id);

    Optional<FilePlanNode> findNodeByCode(String code);

    List<FilePlanNode> findNodes(FilePlan plan);

    void addNode(FilePlanNode node);
}
