package de.akte.core.application;

/** A department as the API shows it. */
public record DepartmentView(String code, String name) {
}
