package de.akte.core.security;

import de.akte.core.casefile.CaseFile;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentStatus;
import de.akte.core.document.DocumentVersion;
import de.akte.core.scanning.MalwareScan;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.NotFoundException;

import java.util.Arrays;

/** The department rule in one place: what a caller may not see answers as if it did not exist. */
public final class Access {

    private Access() {
    }

    public static Document visible(Caller caller, Document document, long id) {
        if (!caller.canSee(document.department().code())) {
            throw new NotFoundException("no document " + id);
        }
        return document;
    }

    public static CaseFile visible(Caller caller, CaseFile caseFile, String label) {
        if (!caller.canSee(caseFile.department().code())) {
            throw new NotFoundException("no case file " + label);
        }
        return caseFile;
    }

    /**
     * Whether a version's content is withheld: not scanned yet, not passed by the malware scan, or the current
     * version of a quarantined document.
     */
    public static boolean withheld(Document document, DocumentVersion version) {
        return !version.malwareScan().passes()
                || (document.status() == DocumentStatus.QUARANTINED && document.currentVersion() == version.number());
    }

    /**
     * The malware rule: a withheld version's content (bytes, text, pages, hits) is for administrators only, and only
     * when they confirm ({@code confirmed}); everyone else learns why with a 403. Returns whether the version was
     * withheld, so that the caller's audit entry can say that it was released.
     */
    public static boolean requireReadable(Caller caller, Document document, DocumentVersion version, boolean confirmed) {
        if (!withheld(document, version)) {
            return false;
        }
        String why = version.malwareScan() == MalwareScan.PENDING
                ? "version " + version.number() + " of document " + document.id() + " has not been checked for "
                        + "malware yet"
                : "version " + version.number() + " of document " + document.id() + " is quarantined"
                        + document.statusReason().map(r -> " (" + r + ")").orElse("");
        if (!caller.has(Role.ADMIN)) {
            throw new ForbiddenException(why + "; only an administrator can read it");
        }
        if (!confirmed) {
            throw new ForbiddenException(why + "; to download it anyway, confirm with confirmQuarantined=true");
        }
        return true;
    }

    /** Administrators only; everyone else is refused with a 403 that says so. */
    public static void requireAdministrator(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new ForbiddenException("this needs the role ADMIN");
        }
    }

    public static void requireAnyRole(Caller caller, Role... roles) {
        if (Arrays.stream(roles).noneMatch(caller::has)) {
            throw new ForbiddenException("this needs one of the roles " + Arrays.toString(roles));
        }
    }
}
