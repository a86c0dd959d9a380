package de.akte.core.fileplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/** The Aktenplan: the administration's classification scheme under which case files are kept. */
@Entity
@Table(name = "file_plan")
public class FilePlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String name;

    protected FilePlan() {
    }

    public FilePlan(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }
}
