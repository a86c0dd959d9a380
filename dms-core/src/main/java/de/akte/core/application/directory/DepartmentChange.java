package de.akte.core.application.directory;

import java.util.List;

/** An administrator's change to a department; null fields stay as they are. */
public record DepartmentChange(String name, List<String> referencePrefixes) {
}
