package de.akte.core.application.records;

import java.util.List;

/** A disposal proposal: DESTROY or TRANSFER, and the case files (by id) from the disposal list. */
public record NewDisposal(String action, List<Long> caseFileIds) {
}
