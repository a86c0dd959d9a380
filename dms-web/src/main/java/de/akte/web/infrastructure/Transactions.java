package de.akte.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/** Runs work in a container transaction; a bean of its own so that the interceptor applies to every call. */
@ApplicationScoped
public class Transactions {

    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T required(Supplier<T> work) {
        return work.get();
    }
}
