package de.akte.ingest.classify;

import java.util.Map;
import java.util.Set;

/** A filed document found similar to the one being classified, with the query words it contains. */
record Neighbour(String id, double similarity, Map<String, String> labels, Set<String> sharedWords) {
}
