package de.akte.core.application.filing;

/** A records officer's decision where a document belongs: a department, optionally one of its case files, and why. */
public record Handover(String department, String caseFile, String reason) {
}
