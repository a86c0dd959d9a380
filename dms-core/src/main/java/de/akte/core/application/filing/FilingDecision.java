package de.akte.core.application.filing;

/** How a clerk files a document (accepting or correcting the proposal); absent fields keep the proposal's value. */
public record FilingDecision(String documentType, String department, String caseFile) {
}
