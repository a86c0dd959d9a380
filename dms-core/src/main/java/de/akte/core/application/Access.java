package de.akte.core.application;

import de.akte.core.casefile.CaseFile;
import de.akte.core.document.Document;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.NotFoundException;

import java.util.Arrays;

/** The department rule in one place: what a caller may not see answers as if it did not exist. */
final class Access {

    private Access() {
    }

    static Document visible(Caller caller, Document document, long id) {
        if (!caller.canSee(document.department().code())) {
            throw new NotFoundException("no document " + id);
        }
        return document;
    }

    static CaseFile visible(Caller caller, CaseFile caseFile, String label) {
        if (!caller.canSee(caseFile.department().code())) {
            throw new NotFoundException("no case file " + label);
        }
        return caseFile;
    }

    static void requireAnyRole(Caller caller, Role... roles) {
        if (Arrays.stream(roles).noneMatch(caller::has)) {
            throw new ForbiddenException("this needs one of the roles " + Arrays.toString(roles));
        }
    }
}
