package de.akte.core.retention;

/** What starts a retention period. */
public enum RetentionTrigger {
    /** The day the case file was closed (zdA). */
    CASE_FILE_CLOSED,
    /** The latest document date in the case file (a document without a date counts with the day it was created). */
    DOCUMENT_DATE,
    /** The day the case file was opened. */
    CREATED,
    /** A named event recorded on the case file, e.g. the end of a grant period. */
    EVENT
}
