package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.mail.MessageKey;
import de.akte.core.mail.ReceivedMessage;
import de.akte.core.mail.ReceivedMessageRepository;
import de.akte.core.mail.ReceivedMessageState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

/** Received messages in JPA. */
public class JpaReceivedMessageRepository implements ReceivedMessageRepository {

    private final EntityManager em;

    public JpaReceivedMessageRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ReceivedMessage> find(String departmentCode, MessageKey key) {
        return em.createQuery("select m from ReceivedMessage m where m.departmentCode = :d and m.messageKey = :k",
                        ReceivedMessage.class)
                .setParameter("d", departmentCode).setParameter("k", key.value())
                .getResultStream().findFirst();
    }

    @Override
    public void add(ReceivedMessage message) {
        em.persist(message);
        // written now, so that a second delivery of the same key fails here, inside its own transaction
        em.flush();
    }

    @Override
    public List<ReceivedMessage> list(String mailbox, ReceivedMessageState state, int offset, int limit) {
        TypedQuery<ReceivedMessage> query = em.createQuery("select m from ReceivedMessage m" + where(mailbox, state)
                + " order by m.id desc", ReceivedMessage.class);
        bind(query, mailbox, state);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String mailbox, ReceivedMessageState state) {
        TypedQuery<Long> query = em.createQuery("select count(m) from ReceivedMessage m" + where(mailbox, state),
                Long.class);
        bind(query, mailbox, state);
        return query.getSingleResult();
    }

    // only the filters given: a null parameter has no type PostgreSQL could infer
    private static String where(String mailbox, ReceivedMessageState state) {
        if (mailbox == null && state == null) {
            return "";
        }
        if (mailbox == null) {
            return " where m.state = :st";
        }
        return state == null ? " where m.mailbox = :mb" : " where m.mailbox = :mb and m.state = :st";
    }

    private static void bind(TypedQuery<?> query, String mailbox, ReceivedMessageState state) {
        if (mailbox != null) {
            query.setParameter("mb", mailbox);
        }
        if (state != null) {
            query.setParameter("st", state);
        }
    }
}
