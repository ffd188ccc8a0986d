package org.nslab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One version of a module: its manifest as registered and what the checks found. */
@Entity
@Table(name = "module_release")
public class ModuleReleaseEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String manifest;
    public int level;
    @Column(name = "sort_order")
    public int sortOrder;
    public boolean valid;
    public String diagnostics;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "module_id") String moduleId, String version) implements Serializable {
    }

    public static List<ModuleReleaseEntity> ofModule(String moduleId) {
        return list("key.moduleId", moduleId);
    }
}
