package de.akte.core.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The system's own workers, each acting under a name of its own ({@code system:hot-folder}). No username can take
 * such a name (usernames hold no colon, see {@code UserAccount.USERNAME}), so the audit trail, "created by" and the
 * import protocols tell them apart from people and from each other. A system actor is no administrator: the ones
 * that bring in records import like scanning staff, and only into the departments their work names.
 */
public enum SystemActor {

    /** The watched hot folder. */
    HOT_FOLDER("hot-folder"),
    /** Server-side imports of a folder or ZIP on the server's disk, started by an administrator. */
    SERVER_IMPORT("server-import"),
    /** The processing workers: malware check, recognition, separator sheets, and giving up on a file. */
    PROCESSING("processing"),
    /** Automatic filing: classifies recognised documents, files what is sure and asks the registry the rest. */
    FILING("filing"),
    /** The sign-in throttle, which locks an account or an address after failed sign-ins. */
    SIGN_IN_THROTTLE("sign-in-throttle"),
    /** The server's start: the first administrator, and the repair of accounts that break separation of duties. */
    START_UP("start-up"),
    /** The demo data loaded into an empty system on request. */
    DEMO_DATA("demo-data"),
    /** The e-mail intake: mailboxes, and uploaded messages taken apart. */
    MAILBOX("mailbox");

    /** What every system actor's name starts with. */
    public static final String PREFIX = "system:";

    private final String actorName;

    SystemActor(String name) {
        this.actorName = PREFIX + name;
    }

    /** The name it acts under, as the audit trail records it: {@code system:hot-folder}. */
    public String actorName() {
        return actorName;
    }

    /** The caller it acts as when it brings in records: like scanning staff, reaching only the given departments. */
    public Caller caller(Set<String> departments) {
        return new Caller(actorName, Set.of(Role.SCANNER), departments);
    }

    /** The system actor acting under this name, if the name is one's. */
    public static Optional<SystemActor> named(String name) {
        return Arrays.stream(values()).filter(actor -> actor.actorName.equals(name)).findFirst();
    }
}
