-- Content releases imported from the course files packed in the jar. A release is immutable and
-- identified by the hash of its files; importing the same files again changes nothing.
CREATE TABLE content_release (
    id           varchar(32)  PRIMARY KEY,
    imported_at  timestamptz  NOT NULL DEFAULT now(),
    active       boolean      NOT NULL DEFAULT false,
    default_locale varchar(16) NOT NULL,
    locales      text[]       NOT NULL
);
-- At most one active release.
CREATE UNIQUE INDEX content_release_one_active ON content_release (active) WHERE active;

-- Every item of a release: stations, branches, stages, components, chapters, experiments, paths,
-- terms, sources and quizzes (without questions or answers: those belong to the quiz service).
CREATE TABLE content_item (
    release_id   varchar(32)  NOT NULL REFERENCES content_release (id),
    kind         varchar(16)  NOT NULL,
    id           varchar(80)  NOT NULL,
    parent_id    varchar(80),
    position     integer      NOT NULL,
    data         jsonb        NOT NULL,
    PRIMARY KEY (release_id, kind, id)
);

-- Markdown prose per item and locale.
CREATE TABLE content_prose (
    release_id   varchar(32)  NOT NULL REFERENCES content_release (id),
    kind         varchar(16)  NOT NULL,
    id           varchar(80)  NOT NULL,
    locale       varchar(16)  NOT NULL,
    markdown     text         NOT NULL,
    PRIMARY KEY (release_id, kind, id, locale)
);
