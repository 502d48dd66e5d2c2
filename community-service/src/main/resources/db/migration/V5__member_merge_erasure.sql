-- Members merged and erased in points-service (MembersMerged, MemberErased on member-events).

-- merged_into: the member this one was merged into; a merged member's login (subject) acts as the survivor.
-- erased_at: the member's personal data was erased: subject and display name are gone (and stay gone, whatever event
-- comes late); their posts and comments stay, shown as by an erased member (author_subject 'erased').
alter table community_member
    add column merged_into uuid,
    add column erased_at   timestamptz;
create index community_member_merged_into on community_member (merged_into) where merged_into is not null;

-- a merge moves the reports a member made
create index content_report_reporter on content_report (reporter_member_id);
