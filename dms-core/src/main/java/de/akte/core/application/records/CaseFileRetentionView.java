package de.akte.core.application.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the retention rules say about a case file: the schedule in effect and where it comes from,
 * the computed disposal date and action (none while open or before the trigger happened), the
 * events recorded, active legal holds, and whether it is due today.
 */
public record CaseFileRetentionView(long caseFileId, String fileReference, String status, LocalDate closedOn,
                                    ScheduleView schedule, String scheduleFrom, LocalDate disposalDate,
                                    String action, Map<String, LocalDate> events, List<Long> activeHolds,
                                    String appraisalNote, boolean due) {
}
