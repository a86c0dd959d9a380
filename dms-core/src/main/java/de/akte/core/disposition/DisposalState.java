package de.akte.core.disposition;

/**
 * Where a disposal stands. Destroying: PROPOSED → APPROVED or REJECTED → EXECUTED. Transferring
 * after approval: OFFERED (0501 sent) → APPRAISED (0502 applied) → TRANSFERRED (0503 handed out)
 * → CONFIRMED (0506 received, records removed).
 */
public enum DisposalState {
    PROPOSED,
    APPROVED,
    REJECTED,
    EXECUTED,
    OFFERED,
    APPRAISED,
    TRANSFERRED,
    CONFIRMED
}
