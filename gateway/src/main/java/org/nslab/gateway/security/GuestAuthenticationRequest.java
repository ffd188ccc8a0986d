package org.nslab.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** {@code Authorization: Guest <token>}. */
public class GuestAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public GuestAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
