-- Member merge and erasure (docs/points-accounting.md, "Merge, export and erasure").

-- A merged member keeps its row: its ledger entries (append-only) still name it, and its card code and login (subject)
-- keep working as aliases of the survivor. merged_into is the survivor, always the final one (a later merge of the
-- survivor moves the pointer on, so an alias is one hop at most). erased_at marks a member whose personal data
-- (display name, e-mail, phone, external id, subject) was replaced by tombstones (NULL); the row, its ledger and its
-- purchases stay for accounting, and no look-up finds it any more.
ALTER TABLE member
    ADD COLUMN merged_into UUID REFERENCES member (id),
    ADD COLUMN merged_at   TIMESTAMPTZ,
    ADD COLUMN erased_at   TIMESTAMPTZ,
    ADD CONSTRAINT member_merged_check CHECK ((merged_into IS NULL) = (merged_at IS NULL) AND merged_into <> id),
    -- a merged member has handed everything over: nothing left to spend, owe or count
    ADD CONSTRAINT member_merged_empty_check CHECK (merged_into IS NULL OR (balance = 0 AND debt = 0));
-- the members merged into a survivor (its ledger listing, its export, its erasure)
CREATE INDEX member_merged_into_idx ON member (merged_into) WHERE merged_into IS NOT NULL;

-- A merge moves a balance with a pair of MERGE entries (minus on the merged member, plus on the survivor), so each
-- ledger still sums to its balance. The kind is added to whatever list the check holds now, so that this migration
-- composes with others that add kinds of their own.
DO $$
DECLARE
    kinds TEXT[];
BEGIN
    SELECT array_agg(DISTINCT m[1] ORDER BY m[1]) INTO kinds
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
    WHERE c.conrelid = 'ledger_entry'::regclass AND c.conname = 'ledger_entry_kind_check';
    IF NOT 'MERGE' = ANY (kinds) THEN
        kinds := array_append(kinds, 'MERGE');
    END IF;
    ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_kind_check;
    EXECUTE format('ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_check CHECK (kind IN (%s))',
        (SELECT string_agg(quote_literal(k), ', ') FROM unnest(kinds) AS k));
END
$$;
