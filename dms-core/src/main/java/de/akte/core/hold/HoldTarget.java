package de.akte.core.hold;

/** What a legal hold is placed on. */
public enum HoldTarget {
    CASE_FILE,
    DOCUMENT
}
