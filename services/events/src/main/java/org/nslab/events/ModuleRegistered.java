package org.nslab.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The module registry changed what it serves for a module. Contract: {@code schemas/module-registered.v1.json};
 * topic {@link Topics#MODULE_REGISTERED}, keyed by the module id. {@code posterUrl} is absent when the manifest
 * has no poster.
 */
public record ModuleRegistered(UUID id, Instant occurredAt, int schemaVersion, String key, String moduleId, String version,
                               int level, Status status, String manifestUrl, String posterUrl) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "module-registered.v1";

    /** What happened; lower case on the wire. */
    public enum Status {
        registered, updated, disabled, enabled, unhealthy, healthy, removed
    }

    public static ModuleRegistered of(String moduleId, String version, int level, Status status, String manifestUrl,
                                      String posterUrl, Instant occurredAt) {
        return new ModuleRegistered(UUID.randomUUID(), occurredAt, SCHEMA_VERSION, moduleId, moduleId, version, level, status,
                manifestUrl, posterUrl);
    }
}
