package org.nslab.gateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** A service or the event bus behind the gateway cannot be reached; the message says what to do. */
@ErrorCode("service-unavailable")
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
