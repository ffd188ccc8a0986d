package org.nslab.gateway.upstream;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/** {@code extensions.service} on a {@code service-unavailable} error: which service the gateway could not reach. */
public class ServiceErrorExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "service";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        return exception instanceof ServiceUnavailableException unavailable && unavailable.service() != null
                ? Json.createValue(unavailable.service()) : null;
    }
}
