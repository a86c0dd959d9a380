package de.akte.core.application.records;

import java.time.LocalDate;

/** A line of the disposal list: a closed case file whose disposal date has come and that no hold keeps. */
public record DueCaseFile(long caseFileId, String fileReference, String title, String department,
                          LocalDate closedOn, LocalDate disposalDate, String action, String legalBasis,
                          String scheduleFrom, String appraisalNote) {
}
