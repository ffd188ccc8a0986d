package org.nslab.sdk.registration;

/** The gateway or Keycloak could not be reached, or answered something other than a registration payload. */
public class GatewayException extends Exception {

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
