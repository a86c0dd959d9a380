package de.akte.core.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A search a user kept under a name: the query string with its filters as the UI sends it to the search
 * endpoint (e.g. {@code q=Bauantrag&department=61}). Only its owner sees it.
 */
@Entity
@Table(name = "saved_search")
public class SavedSearch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 2000)
    private String query;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SavedSearch() {
    }

    public SavedSearch(String username, String name, String query, Instant createdAt) {
        this.username = username;
        this.name = name;
        this.query = query;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public String query() {
        return query;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
