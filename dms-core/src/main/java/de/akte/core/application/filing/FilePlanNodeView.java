package de.akte.core.application.filing;

import de.akte.core.application.records.ScheduleView;
/** A file-plan node as listed: where it sits and whether it defines a retention schedule itself. */
public record FilePlanNodeView(long id, String plan, String code, String title, String parentCode,
                               ScheduleView retention) {
}
