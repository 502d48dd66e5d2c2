-- The community's foundation: who the members are (learnt from points-service's events, never from its database),
-- what each contributed, and what moderators did. Content, events and analytics tables come in later versions.

-- A member as the community knows them: the points-service member id, the token subject that maps a caller to it,
-- a display name and tier from member-events / loyalty-transactions, and the community's own standing.
create table community_member (
    member_id        uuid primary key,
    subject          text unique,
    display_name     text,
    tier             text,
    -- the contribution score: the sum of the weights of the member's contributions that are not revoked
    score            bigint      not null default 0 check (score >= 0),
    banned_at        timestamptz,
    banned_by        text,
    ban_reason       text,
    ambassador_since timestamptz,
    ambassador_by    text,
    -- last time the directory (name, tier) changed from an event
    known_since      timestamptz not null,
    updated_at       timestamptz not null
);

create index community_member_score on community_member (score desc, member_id);

-- One row per thing a member did that counts towards their standing (and, for the published kinds, their points):
-- its id is the contributionId of the CommunityActivity event, so every consumer keys its effect on it.
create table contribution (
    id             uuid primary key,
    member_id      uuid        not null references community_member (member_id),
    kind           text        not null,
    -- what it is about (the post, the answer, the community event); hiding or deleting it revokes the contribution
    content_id     uuid        not null,
    -- what caused it, once per kind: the post, the answer, the acceptance's answer, the reaction, the registration
    source_id      uuid        not null,
    -- who caused it when not the member (the reacting member, the accepting asker); null otherwise
    actor_id       text,
    space_id       uuid,
    weight         int         not null check (weight >= 0),
    occurred_at    timestamptz not null,
    revoked_at     timestamptz,
    revoke_reason  text
);

create index contribution_member on contribution (member_id, occurred_at desc);
create index contribution_content on contribution (content_id) where revoked_at is null;
create index contribution_kind_time on contribution (kind, occurred_at);
-- each cause counts once (an answer accepted twice is one acceptance; a reaction taken back and given again is a new
-- reaction with a new id)
create unique index contribution_once on contribution (kind, source_id);

-- Every moderation and designation action: who, when, what, why. Append-only.
create table moderation_action (
    id          bigint generated always as identity primary key,
    actor       text        not null,
    action      text        not null,
    target_type text        not null,
    target_id   text        not null,
    reason      text,
    at          timestamptz not null
);

create index moderation_action_target on moderation_action (target_type, target_id, at desc);
create index moderation_action_at on moderation_action (at desc);
