-- The audit log: every change a marketer or admin makes in points-service (tiers, rules, rewards, adjustments,
-- overrides, merges, erasures, card designs), with who, when, what, on what, and the values before and after.
-- Append-only, as the ledger: the database refuses any UPDATE or DELETE.
CREATE TABLE audit_entry (
    id          UUID          PRIMARY KEY,
    seq         BIGSERIAL     NOT NULL UNIQUE,
    at          TIMESTAMPTZ   NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target_type VARCHAR(32)   NOT NULL,
    target_id   VARCHAR(128)  NOT NULL,
    before      JSONB,
    after       JSONB,
    reason      VARCHAR(500)
);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, at DESC);
CREATE INDEX audit_entry_target_idx ON audit_entry (target_type, target_id, at DESC);
CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
