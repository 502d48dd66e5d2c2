-- History imports (POST /api/points/imports): members and purchases from the system a brand used before.

-- An imported member has no login yet: subject stays NULL until the member is linked to a Keycloak user (NULLs never
-- collide in the unique index). external_id is the member's id in the old system, the idempotency key of a member
-- import: the same file twice adds nobody.
ALTER TABLE member ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE member ADD COLUMN external_id VARCHAR(128) UNIQUE;

-- A history purchase earned nothing and counts for behavioural metrics only: never for the rolling spend or the tier.
-- Purchases from before were all recorded at a till (false).
ALTER TABLE purchase ADD COLUMN history BOOLEAN NOT NULL DEFAULT false;
-- A purchase of history may have cost nothing (a gift, a fully discounted order: CDNOW has such) and is still a
-- purchase for frequency and recency; one at the till always costs something.
ALTER TABLE purchase DROP CONSTRAINT purchase_amount_check;
ALTER TABLE purchase ADD CONSTRAINT purchase_amount_check CHECK (amount > 0 OR (history AND amount = 0));

-- One row per import, its progress committed with every batch so a console can follow it.
CREATE TABLE import_job (
    id            UUID          PRIMARY KEY,
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('MEMBERS', 'PURCHASES')),
    award         BOOLEAN       NOT NULL,
    status        VARCHAR(16)   NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    rows_total    BIGINT        NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
    rows_done     BIGINT        NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    rows_rejected BIGINT        NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
    failure       VARCHAR(1000),
    created_at    TIMESTAMPTZ   NOT NULL,
    created_by    VARCHAR(255)  NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX import_job_created_idx ON import_job (created_at DESC);

-- The first rejected rows of an import (points.imports.max-errors), by line of the file (the header is line 1).
CREATE TABLE import_error (
    import_id UUID         NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line      BIGINT       NOT NULL,
    message   VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, line)
);
