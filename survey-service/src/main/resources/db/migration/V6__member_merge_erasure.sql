-- Members merged and erased in points-service (MembersMerged, MemberErased on member-events).

-- merged_into: the member this one was merged into; a merged member's login (subject) answers as the survivor.
-- erased_at: the member's personal data was erased; its subject is gone and a late MemberEnrolled never brings it back.
ALTER TABLE member_directory
    ADD COLUMN merged_into UUID,
    ADD COLUMN erased_at   TIMESTAMPTZ;
CREATE INDEX member_directory_merged_into_idx ON member_directory (merged_into) WHERE merged_into IS NOT NULL;

-- A member's named responses, which a merge moves and an erasure anonymises; and those answered before the directory
-- knew the member (no member id), found by the subject.
CREATE INDEX survey_response_member_idx ON survey_response (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX survey_response_subject_idx ON survey_response (subject) WHERE member_id IS NULL AND subject IS NOT NULL;
