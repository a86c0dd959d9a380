package de.akte.core.infrastructure.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.update_aliases.Action;

/**
 * The index's generations behind two aliases: searches read the index's name, changes go to {@code name-write}.
 * Normally both name one generation. A rebuild writes into a new generation while searches still read the old
 * one, whole, and the rebuild's commit switches the read alias over in one step and removes the old generation;
 * a rebuild that dies leaves the old generation in service, and the next rebuild removes what it left. Changes
 * other server nodes make meanwhile go to the new generation too, so none is lost by the switch.
 */
final class IndexGenerations {

    private static final Logger LOG = Logger.getLogger(IndexGenerations.class.getName());
    // the first generation has a fixed name, so two nodes starting at once cannot both make one
    private static final String FIRST = "-g0";

    private final OpenSearchClient client;
    private final String read;
    private final String write;

    IndexGenerations(OpenSearchClient client, String name) {
        this.client = client;
        this.read = name;
        this.write = name + "-write";
    }

    /** The alias searches read. */
    String read() {
        return read;
    }

    /** The alias changes are written to. */
    String write() {
        return write;
    }

    /** Makes sure both aliases name a generation, creating the first if there is none. */
    void ensure() throws IOException {
        if (!behind(read).isEmpty() && !behind(write).isEmpty()) {
            return;
        }
        if (behind(read).isEmpty() && client.indices().exists(e -> e.index(read)).value()) {
            throw new IllegalStateException("an OpenSearch index named " + read + " exists that Akte did not make; "
                    + "Akte's index name is an alias over its own indices: choose another AKTE_OPENSEARCH_INDEX");
        }
        Set<String> writing = behind(write);
        String generation = writing.isEmpty() ? create(read + FIRST) : writing.iterator().next();
        List<Action> actions = new ArrayList<>();
        if (behind(read).isEmpty()) {
            actions.add(Action.of(a -> a.add(add -> add.index(generation).alias(read))));
        }
        if (writing.isEmpty()) {
            actions.add(Action.of(a -> a.add(add -> add.index(generation).alias(write).isWriteIndex(true))));
        }
        client.indices().updateAliases(u -> u.actions(actions));
    }

    /** Starts a rebuild: changes go to a new, empty generation from now on; returns its name. */
    String startRebuild() throws IOException {
        String generation = create(read + "-g" + System.currentTimeMillis());
        Set<String> reading = behind(read);
        Set<String> writing = behind(write);
        List<Action> actions = new ArrayList<>();
        for (String old : writing) {
            actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(write))));
        }
        actions.add(Action.of(a -> a.add(add -> add.index(generation).alias(write).isWriteIndex(true))));
        if (reading.isEmpty()) {
            actions.add(Action.of(a -> a.add(add -> add.index(generation).alias(read))));
        }
        client.indices().updateAliases(u -> u.actions(actions));
        // what an earlier rebuild that never finished left
        for (String orphan : writing) {
            if (!reading.contains(orphan)) {
                delete(orphan);
            }
        }
        return generation;
    }

    /** Finishes a rebuild: searches read {@code generation} from now on, the old generations go. */
    void finishRebuild(String generation) throws IOException {
        Set<String> reading = behind(read);
        if (reading.equals(Set.of(generation))) {
            return;
        }
        if (!behind(write).contains(generation)) {
            // another rebuild began since: it finishes, this one is superseded
            delete(generation);
            return;
        }
        List<Action> actions = new ArrayList<>();
        for (String old : reading) {
            actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(read))));
        }
        actions.add(Action.of(a -> a.add(add -> add.index(generation).alias(read))));
        client.indices().updateAliases(u -> u.actions(actions));
        for (String old : reading) {
            if (!old.equals(generation)) {
                delete(old);
            }
        }
        LOG.info(() -> "searches read the rebuilt OpenSearch index " + generation + " now");
    }

    /** The indices an alias names; none if it does not exist. */
    Set<String> behind(String alias) throws IOException {
        try {
            return new TreeSet<>(client.indices().getAlias(g -> g.name(alias)).result().keySet());
        } catch (OpenSearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        }
    }

    private String create(String generation) throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/" + generation).json(IndexFields.DEFINITION).build())) {
            String body = response.getBody().map(Body::bodyAsString).orElse("");
            // another node may just have created it
            if (response.getStatus() >= 300 && !body.contains("resource_already_exists_exception")) {
                throw new IllegalStateException("OpenSearch refused to create the index " + generation + " ("
                        + response.getStatus() + "): " + body);
            }
        }
        LOG.info(() -> "created the OpenSearch index " + generation);
        return generation;
    }

    private void delete(String generation) throws IOException {
        try {
            client.indices().delete(d -> d.index(generation));
        } catch (OpenSearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }
}
