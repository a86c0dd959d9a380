package de.akte.core.application.filing;

/** A file-plan node to add: the plan (created when missing), the parent's code (none for a top node), code, title. */
public record NewFilePlanNode(String plan, String parentCode, String code, String title) {
}
