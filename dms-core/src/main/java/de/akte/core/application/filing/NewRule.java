package de.akte.core.application.filing;

/** A new classification rule: {@code label} is documentType, department or caseFile; kind KEYWORD, PHRASE or REGEX. */
public record NewRule(String label, String value, String pattern, String kind, Integer priority) {
}
