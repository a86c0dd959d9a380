package de.akte.core.routing;

import java.util.List;

/** The registry's routing requests. */
public interface RoutingRequestRepository {

    void add(RoutingRequest request);

    /** The open requests about one document. */
    List<RoutingRequest> openFor(long documentId);

    /** Open requests, oldest first. */
    List<RoutingRequest> open(int offset, int limit);

    long countOpen();
}
