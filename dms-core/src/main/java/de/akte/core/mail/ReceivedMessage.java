package de.akte.core.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a mailbox delivered (or an uploaded .eml taken apart), once per department and {@link MessageKey}: the
 * row that makes intake exactly-once. It is written in the transaction that records the message's documents, so
 * a message either has both or neither, and its key is never stored twice.
 */
@Entity
@Table(name = "received_message")
public class ReceivedMessage {

    private static final int REASON_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "department_code", nullable = false, length = 32)
    private String departmentCode;

    @Column(name = "message_key", nullable = false, length = 300)
    private String messageKey;

    @Column(nullable = false, length = 100)
    private String mailbox;

    @Column(name = "message_id", length = 1000)
    private String messageId;

    @Column(length = 64)
    private String sha256;

    @Column(length = 500)
    private String subject;

    @Column(length = 500)
    private String sender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReceivedMessageState state;

    @Column(length = REASON_LENGTH)
    private String reason;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "process_id")
    private Long processId;

    @Column(name = "lead_document_id")
    private Long leadDocumentId;

    @Column(name = "document_count", nullable = false)
    private int documentCount;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected ReceivedMessage() {
    }

    /** A message seen for the first time, described by what its headers say. */
    public ReceivedMessage(String departmentCode, MessageKey key, String mailbox, String messageId, String sha256,
                           String subject, String sender, Instant at) {
        this.departmentCode = Objects.requireNonNull(departmentCode, "departmentCode");
        this.messageKey = Objects.requireNonNull(key, "key").value();
        this.mailbox = cut(Objects.requireNonNull(mailbox, "mailbox"), 100);
        this.messageId = cut(messageId, 1000);
        this.sha256 = sha256;
        this.subject = cut(subject, 500);
        this.sender = cut(sender, 500);
        this.state = ReceivedMessageState.FAILED;
        this.firstSeenAt = Objects.requireNonNull(at);
        this.recordedAt = at;
    }

    /** Its documents are recorded (in this transaction). */
    public void stored(Long process, long leadDocument, int documents, String notes, Instant at) {
        state = ReceivedMessageState.STORED;
        processId = process;
        leadDocumentId = leadDocument;
        documentCount = documents;
        reason = cut(notes, REASON_LENGTH);
        attempts++;
        recordedAt = at;
    }

    /**
     * An attempt to store it failed; after {@code attemptLimit} attempts it is refused for good, so a poison message
     * is not retried forever. Returns whether it is refused now.
     */
    public boolean failed(String why, int attemptLimit, Instant at) {
        attempts++;
        reason = cut(why, REASON_LENGTH);
        recordedAt = at;
        state = attempts >= attemptLimit ? ReceivedMessageState.REFUSED : ReceivedMessageState.FAILED;
        return state == ReceivedMessageState.REFUSED;
    }

    /** It can never be stored (e.g. larger than the limit): refused at once. */
    public void refused(String why, Instant at) {
        attempts++;
        reason = cut(why, REASON_LENGTH);
        recordedAt = at;
        state = ReceivedMessageState.REFUSED;
    }

    private static String cut(String text, int length) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.length() > length ? t.substring(0, length - 3) + "..." : t;
    }

    public Long id() {
        return id;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public MessageKey key() {
        return new MessageKey(messageKey);
    }

    public String mailbox() {
        return mailbox;
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<String> sender() {
        return Optional.ofNullable(sender);
    }

    public ReceivedMessageState state() {
        return state;
    }

    /** Why it failed or was refused; for a stored message, what of it could not be taken apart. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Long> processId() {
        return Optional.ofNullable(processId);
    }

    public Optional<Long> leadDocumentId() {
        return Optional.ofNullable(leadDocumentId);
    }

    public int documentCount() {
        return documentCount;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
