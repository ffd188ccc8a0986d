package org.nslab.gateway.upstream;

import io.smallrye.graphql.api.ErrorCode;

/**
 * A service or the event bus behind the gateway cannot be reached, did not answer in time, or answered something the
 * gateway cannot read. Clients see {@code extensions.code = "service-unavailable"}, {@code extensions.service} and the
 * message, never the cause (logged instead).
 */
@ErrorCode("service-unavailable")
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, Throwable cause) {
        this(service, "The " + service + " service cannot be reached right now; try again in a moment.", cause);
    }

    public ServiceUnavailableException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    /** The service's name as the gateway's config knows it (content, simulation, event bus, …). */
    public String service() {
        return service;
    }
}
