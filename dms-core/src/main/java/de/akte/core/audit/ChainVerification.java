package de.akte.core.audit;

import java.util.Optional;

/**
 * The outcome of checking the audit chain.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenSequence the first entry whose hash or link does not fit, if any
 * @param problem what is wrong with it
 */
public record ChainVerification(long entriesChecked, Optional<Long> firstBrokenSequence, Optional<String> problem) {

    public boolean intact() {
        return firstBrokenSequence.isEmpty();
    }
}
