-- Training runs that learners start, and their checkpoints (weights live in the service's blob folder).
CREATE TABLE training_run (
    id                     uuid PRIMARY KEY,
    owner                  varchar(300) NOT NULL,
    state                  varchar(16)  NOT NULL,
    settings               jsonb        NOT NULL,
    step                   integer      NOT NULL DEFAULT 0,
    steps                  integer      NOT NULL,
    last_train_loss        double precision,
    best_validation_loss   double precision,
    message                varchar(500),
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX training_run_owner ON training_run (owner, created_at);
CREATE INDEX training_run_state ON training_run (state, created_at);

CREATE TABLE checkpoint (
    id                uuid PRIMARY KEY,
    run_id            uuid         NOT NULL REFERENCES training_run (id) ON DELETE CASCADE,
    step              integer      NOT NULL,
    train_loss        double precision,
    validation_loss   double precision,
    blob              varchar(500) NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (run_id, step)
);
