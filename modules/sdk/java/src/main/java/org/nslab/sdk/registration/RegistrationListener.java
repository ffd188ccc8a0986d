package org.nslab.sdk.registration;

/** Told what the registrar does, e.g. to log it or to report readiness. Called on the registrar's thread. */
public interface RegistrationListener {

    /** The gateway answered (accepted or not). */
    default void registered(RegistrationResult result) {
    }

    /** The gateway or Keycloak could not be reached or answered with an error; the next try is after {@code retryInMillis}. */
    default void failed(Exception cause, long retryInMillis) {
    }
}
