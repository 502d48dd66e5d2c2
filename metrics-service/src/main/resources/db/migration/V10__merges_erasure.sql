-- Merged and erased members (docs/behaviour.md, "Merged and erased members").

-- MembersMerged: every row metrics-service kept of the merged member now belongs to the survivor. The merge is
-- remembered so that events about the merged member still on their way (other topics are read apart from
-- member-events) are applied to the survivor; a survivor merged later on takes its merged members along (one hop).
CREATE TABLE member_merge (
    merged_member_id UUID        PRIMARY KEY,
    survivor_id      UUID        NOT NULL,
    merged_at        TIMESTAMPTZ NOT NULL,
    CHECK (merged_member_id <> survivor_id)
);
CREATE INDEX member_merge_survivor_idx ON member_merge (survivor_id);

-- MemberErased: the member's personal data is replaced by a tombstone (erased_at): the token subject in the
-- directory, and on follow-up items the subject, the free-text reason the member wrote and the notes staff wrote
-- about them. Purchases, scores, answers' scores and every aggregate stay: member ids are pseudonyms whose link to a
-- person points-service has erased.
ALTER TABLE member_directory
    ADD COLUMN erased_at TIMESTAMPTZ,
    ADD CONSTRAINT member_directory_erased_check CHECK (erased_at IS NULL OR subject IS NULL);
ALTER TABLE follow_up
    ADD COLUMN erased_at TIMESTAMPTZ,
    ADD CONSTRAINT follow_up_erased_check
        CHECK (erased_at IS NULL OR (subject IS NULL AND reason IS NULL AND note IS NULL));

-- a merge moves, an erasure finds, every row of one member
CREATE INDEX follow_up_member_idx ON follow_up (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX follow_up_subject_idx ON follow_up (subject) WHERE subject IS NOT NULL;
CREATE INDEX community_contribution_member_all_idx ON community_contribution (member_id);
