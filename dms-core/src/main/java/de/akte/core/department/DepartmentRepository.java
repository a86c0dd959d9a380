package de.akte.core.department;

import java.util.List;
import java.util.Optional;

/** Stores and finds departments. */
public interface DepartmentRepository {
    Optional<Department> findByCode(String code);

    /** All departments, ordered by code, with their reference namespaces. */
    List<Department> findAll();

    /**
     * Codes of the departments that have case files whose reference begins with the prefix (without regard to
     * case): who would be cut off from their own numbering if another department took it.
     */
    List<String> codesNumberingUnder(ReferencePrefix prefix);

    void add(Department department);
}
