package de.akte.core.application.filing;

import java.time.LocalDate;

/** A request to open a case file; {@code filePlanNode} (a node code) and {@code openedOn} are optional. */
public record NewCaseFile(String fileReference, String title, String department, String filePlanNode,
                          LocalDate openedOn) {
}
