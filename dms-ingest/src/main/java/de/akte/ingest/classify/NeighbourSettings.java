package de.akte.ingest.classify;

/**
 * How the nearest neighbours are searched: how many vote, and how much each text field counts in the
 * similarity (a weight of 0 leaves the field out).
 */
record NeighbourSettings(int neighbours, float stemsWeight, float gramsWeight, int stemQueryTerms, int gramQueryTerms) {

    // Measured on the sample corpus (5-fold accuracy): 5 neighbours 0.82, 10 0.91–0.94, 15 0.95, 20 0.94–0.96;
    // letters mix topics, so single neighbours mislead and many similarity-weighted votes smooth that out.
    // Stems carry the meaning, n-grams rescue noisy words, but an n-gram query has more clauses and
    // its score would drown the stems' at equal weight (1 : 1 gave 0.93, 1 : 0.25 0.95). More query
    // terms (50 / 100) added noise words, not accuracy.
    static final NeighbourSettings DEFAULTS = new NeighbourSettings(15, 1.0f, 0.25f, 30, 60);
    // Beside the linear model, neighbours choose case files and name the filed documents of a reason. Their query is
    // a few of the text's rarest stems and n-grams, so its cost hardly grows with the number of filed documents.
    static final NeighbourSettings SCOPED = new NeighbourSettings(15, 1.0f, 0.25f, 25, 25);

    NeighbourSettings {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours < 1: " + neighbours);
        }
        if (stemsWeight < 0 || gramsWeight < 0 || stemsWeight + gramsWeight == 0) {
            throw new IllegalArgumentException("field weights must be >= 0, one > 0");
        }
    }
}
