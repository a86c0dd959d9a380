package de.akte.core.security;

/** What a user may do in Akte. */
public enum Role {
    /** Sachbearbeitung: works on the records of their departments. */
    CLERK,
    /** Scanstelle: digitises paper and imports batches into their departments. */
    SCANNER,
    /** Registratur: applies the file plan and retention rules across departments. */
    RECORDS_OFFICER,
    /** Runs the system: users, departments, index, audit verification. */
    ADMIN
}
