package de.akte.core.department;

import java.util.List;
import java.util.Optional;

/** Stores and finds departments. */
public interface DepartmentRepository {
    Optional<Department> findByCode(String code);

    List<Department> findAll();

    void add(Department department);
}
