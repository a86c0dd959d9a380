package de.akte.core.application.directory;

import java.util.List;

/** A department as the API shows it, with the prefixes its case-file references begin with. */
public record DepartmentView(String code, String name, List<String> referencePrefixes) {
}
