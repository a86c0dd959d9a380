package de.akte.core.security;

import java.util.List;
import java.util.Optional;

/** Stores and finds user accounts. */
public interface UserRepository {
    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findAll();

    long count();

    void add(UserAccount user);
}
