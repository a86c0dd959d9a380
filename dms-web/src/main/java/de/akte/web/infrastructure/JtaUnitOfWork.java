package de.akte.web.infrastructure;

import de.akte.core.shared.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/** The core's unit of work as a JTA transaction managed by the container. */
@ApplicationScoped
public class JtaUnitOfWork implements UnitOfWork {

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
