package de.akte.core.department;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** An organisational unit (Fachbereich) that owns case files and documents. */
@Entity
@Table(name = "department")
public class Department {

    /** Codes appear in URLs, facets and file references: letters, digits, dash, dot, underscore. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    // its numbering: loaded only where references are checked or departments are listed
    @ElementCollection
    @CollectionTable(name = "department_reference_prefix", joinColumns = @JoinColumn(name = "department_id"))
    @Column(name = "prefix", nullable = false, length = 50)
    private Set<String> referencePrefixes = new HashSet<>();

    protected Department() {
    }

    public Department(String code, String name, Instant createdAt) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid department code: " + code);
        }
        this.code = code;
        this.name = Objects.requireNonNull(name);
        this.createdAt = Objects.requireNonNull(createdAt);
        numberUnder(ReferenceNamespace.defaultFor(code));
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void rename(String newName) {
        this.name = Objects.requireNonNull(newName);
    }

    /** The file references this department's case files are given. */
    public ReferenceNamespace referenceNamespace() {
        // every department has prefixes since schema version 11; the default keeps a hand-made row usable
        return referencePrefixes.isEmpty() ? ReferenceNamespace.defaultFor(code) : ReferenceNamespace.of(referencePrefixes);
    }

    /**
     * Gives the department another namespace. That it overlaps no other department's is the caller's check,
     * since it needs all departments.
     */
    public void numberUnder(ReferenceNamespace namespace) {
        // only the difference, so that unchanged rows stay and the unique prefix column never sees a duplicate
        referencePrefixes.retainAll(namespace.values());
        referencePrefixes.addAll(namespace.values());
    }
}
