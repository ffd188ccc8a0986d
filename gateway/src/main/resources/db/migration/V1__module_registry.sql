-- The module registry: who owns which module id, its releases (manifests with their check results) and
-- what an admin or the health poller decided about it.
CREATE TABLE module (
    id                varchar(63)  PRIMARY KEY,
    owner             varchar(300) NOT NULL,            -- client:<keycloak client id> or user:<subject>; the first registration claims the id
    claimed_at        timestamptz  NOT NULL,
    disabled          boolean      NOT NULL DEFAULT false,
    pinned_version    varchar(64),
    healthy           boolean      NOT NULL DEFAULT true,
    health_checked_at timestamptz,
    health_message    varchar(500)
);

CREATE TABLE module_release (
    module_id     varchar(63)  NOT NULL REFERENCES module (id) ON DELETE CASCADE,
    version       varchar(64)  NOT NULL,
    manifest      text         NOT NULL,
    level         integer      NOT NULL CHECK (level BETWEEN 1 AND 5),
    sort_order    integer      NOT NULL,
    valid         boolean      NOT NULL,                -- false: a check found an error; kept, never served
    diagnostics   text         NOT NULL,                -- JSON array of {check, severity, pointer, message}
    registered_at timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    PRIMARY KEY (module_id, version)
);

CREATE INDEX module_release_level ON module_release (level, sort_order);
