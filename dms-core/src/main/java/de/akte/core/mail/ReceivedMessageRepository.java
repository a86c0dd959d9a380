package de.akte.core.mail;

import java.util.List;
import java.util.Optional;

/** The received messages, one per department and message key. */
public interface ReceivedMessageRepository {

    Optional<ReceivedMessage> find(String departmentCode, MessageKey key);

    /** Adds a message; the unique key (department, message key) refuses a second one at commit. */
    void add(ReceivedMessage message);

    /** The newest first, optionally only of one mailbox and one state. */
    List<ReceivedMessage> list(String mailbox, ReceivedMessageState state, int offset, int limit);

    long count(String mailbox, ReceivedMessageState state);
}
