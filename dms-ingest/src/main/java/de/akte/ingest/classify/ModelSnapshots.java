package de.akte.ingest.classify;

import java.util.Optional;

/** Where a scope's learned model is saved between runs, and when it is time to save it again. */
interface ModelSnapshots {

    /** Keeps nothing: for evaluations and other models that live only in memory. */
    ModelSnapshots NONE = new ModelSnapshots() {
        @Override
        public Optional<LearnedScope.ModelState> load(ModelSettings settings) {
            return Optional.empty();
        }

        @Override
        public void save(LearnedScope.ModelState state, ModelSettings settings) {
            // nothing is kept
        }

        @Override
        public boolean due(long sequence) {
            return false;
        }

        @Override
        public long savedSequence() {
            return -1;
        }
    };

    /** The saved model, if there is one that these settings can use. */
    Optional<LearnedScope.ModelState> load(ModelSettings settings);

    /** Saves the model so that a reader sees the old or the new one, never a mix. */
    void save(LearnedScope.ModelState state, ModelSettings settings);

    /** Whether the filings since the last save are enough (or old enough) to save again. */
    boolean due(long sequence);

    /** The filing number the last save included. */
    long savedSequence();
}
