package de.akte.core.routing;

/** Why automation thinks a record may belong to another department than the one it was brought into. */
public enum RoutingCause {
    /** A separator sheet or manifest names a file reference that is no open case file of the record's department. */
    NAMED_REFERENCE,
    /** The text mentions the file reference of another department's case file. */
    TEXT_REFERENCE,
    /** The text resembles another department's filed records. */
    RESEMBLANCE,
    /** An administrator's classification rule assigns such records to another department or case file. */
    RULE
}
