package org.nslab.sdk.manifest;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every named check a module meets, with the one spelling the SDK, the gateway's registry and the conformance kit
 * all report ({@link Diagnostic#check()}, the kit's check names). Three groups, run by three parties:
 * <ul>
 *   <li>document checks, anywhere ({@link Manifests#check}): {@code json}, {@code schema}, {@code semver},
 *       {@code platform-range};</li>
 *   <li>registry checks, by the gateway at registration: {@code id-ownership}, {@code hosts}, {@code entry},
 *       {@code shaders}, {@code operations} (each valid against the gateway's schema);</li>
 *   <li>conformance checks, by the kit in headless Chromium: {@code manifest} (the document checks together),
 *       {@code entry-integrity}, {@code loads}, {@code mount-unmount}, {@code webgl-contexts}, {@code events},
 *       {@code operations} (only declared ones called), {@code accessibility}.</li>
 * </ul>
 */
public enum ModuleCheck {
    JSON("json", Stage.DOCUMENT),
    SCHEMA("schema", Stage.DOCUMENT),
    SEMVER("semver", Stage.DOCUMENT),
    PLATFORM_RANGE("platform-range", Stage.DOCUMENT),

    ID_OWNERSHIP("id-ownership", Stage.REGISTRY),
    HOSTS("hosts", Stage.REGISTRY),
    ENTRY("entry", Stage.REGISTRY),
    SHADERS("shaders", Stage.REGISTRY),
    /** In the registry: each declared operation is valid against the gateway's schema; in the kit: only declared ones run. */
    OPERATIONS("operations", Stage.REGISTRY, Stage.CONFORMANCE),

    MANIFEST("manifest", Stage.CONFORMANCE),
    ENTRY_INTEGRITY("entry-integrity", Stage.CONFORMANCE),
    LOADS("loads", Stage.CONFORMANCE),
    MOUNT_UNMOUNT("mount-unmount", Stage.CONFORMANCE),
    WEBGL_CONTEXTS("webgl-contexts", Stage.CONFORMANCE),
    EVENTS("events", Stage.CONFORMANCE),
    ACCESSIBILITY("accessibility", Stage.CONFORMANCE);

    /** Who runs a check. */
    public enum Stage { DOCUMENT, REGISTRY, CONFORMANCE }

    private final String id;
    private final Stage[] stages;

    ModuleCheck(String id, Stage... stages) {
        this.id = id;
        this.stages = stages;
    }

    /** The name in diagnostics and test reports, e.g. {@code platform-range}. */
    public String id() {
        return id;
    }

    public boolean runsIn(Stage stage) {
        return Arrays.asList(stages).contains(stage);
    }

    public static Optional<ModuleCheck> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
