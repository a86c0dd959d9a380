package de.akte.core.casefile;

/** Whether a case file is being worked on or has been closed (zdA). */
public enum CaseFileStatus {
    OPEN,
    CLOSED
}
