package org.nslab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered module id: its owner and the decisions of admins and the health poller. */
@Entity
@Table(name = "module")
public class ModuleEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String owner;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    public boolean disabled;
    @Column(name = "pinned_version")
    public String pinnedVersion;
    public boolean healthy = true;
    @Column(name = "health_checked_at")
    public Instant healthCheckedAt;
    @Column(name = "health_message")
    public String healthMessage;
}
