package org.nslab.renderer.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The renderer's reading of {@code gateway.module-registered.v1} (published by the gateway's module
 * registry). The contract is being written in {@code services/events} in parallel; until it is on
 * main this minimal local record holds the fields the renderer needs, unknown fields are ignored, and
 * only {@code moduleId} is required. Replace it with the shared record once that exists.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModuleRegistered(UUID id, Instant occurredAt, Integer schemaVersion, String key, String moduleId, String version,
                               Integer level, String status, String manifestUrl, String posterUrl) {

    public static final String TOPIC = "gateway.module-registered.v1";
}
