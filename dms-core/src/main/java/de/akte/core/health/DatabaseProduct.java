package de.akte.core.health;

/** Which database the installation runs on, for the administrators' health details. */
@FunctionalInterface
public interface DatabaseProduct {

    /** The product's name (PostgreSQL, H2); throws when the database cannot be reached. */
    String name();
}
