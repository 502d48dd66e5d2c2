-- The community's content: spaces, posts (discussions, questions, reviews, announcements), comments and answers,
-- reactions, edit history and view counting.
--
-- Visibility rules every reader of these tables keeps:
--   * deleted_at: the author deleted it (soft delete). hidden_at/hidden_by/hidden_reason: a moderator hid it.
--     Either way the row is kept but never appears in feeds, lists, ratings or counts.
--   * the counters on post (comment_count, answer_count, *_count) count visible rows only; whoever hides, unhides or
--     deletes a comment or post adjusts them in the same transaction (PostRepository.recount does it from the rows).
--   * view_count is folded from content_view every few seconds (ViewCounter): it may be a few seconds behind.

-- A space (topic area) posts live in. Members see it when all_members, or when their tier is in tiers; marketers
-- and admins see every space.
create table space (
    id               uuid primary key,
    name             text        not null,
    description      text,
    -- display titles by language code, e.g. {"ja": "...", "en": "..."}
    titles           jsonb       not null default '{}'::jsonb,
    all_members      boolean     not null default true,
    -- the tiers (community_member.tier codes) that see the space when not all_members
    tiers            text[]      not null default '{}',
    -- the post kinds allowed here; empty = every kind
    allowed_kinds    text[]      not null default '{}',
    -- false: members may only comment here (marketers still post)
    members_may_post boolean     not null default true,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index space_name on space (lower(name));

-- A post. Its author is a member (author_member_id) or, for announcements, a marketer or admin (author_member_id
-- null); author_subject is the token subject either way.
create table post (
    id                  uuid primary key,
    space_id            uuid        not null references space (id),
    author_subject      text        not null,
    author_member_id    uuid references community_member (member_id),
    kind                text        not null check (kind in ('DISCUSSION', 'QUESTION', 'REVIEW', 'ANNOUNCEMENT')),
    title               text        not null,
    -- stored exactly as written (PLAIN or MARKDOWN source); never rendered to HTML by the service
    body                text        not null,
    format              text        not null default 'PLAIN' check (format in ('PLAIN', 'MARKDOWN')),
    tags                text[]      not null default '{}',
    product_id          text,
    rating              smallint check (rating between 1 and 5),
    created_at          timestamptz not null,
    edited_at           timestamptz,
    -- created_at, then the time of the latest visible comment: the "active" feed's order
    last_activity_at    timestamptz not null,
    -- visible comments (answers included) and, on questions, visible answers (comments by someone else than the asker)
    comment_count       int         not null default 0 check (comment_count >= 0),
    answer_count        int         not null default 0 check (answer_count >= 0),
    like_count          int         not null default 0 check (like_count >= 0),
    helpful_count       int         not null default 0 check (helpful_count >= 0),
    thanks_count        int         not null default 0 check (thanks_count >= 0),
    -- unique viewers per day, summed; folded from content_view (a few seconds behind)
    view_count          bigint      not null default 0 check (view_count >= 0),
    -- questions: the accepted answer (solved when set)
    accepted_comment_id uuid,
    accepted_at         timestamptz,
    accepted_by         text,
    deleted_at          timestamptz,
    hidden_at           timestamptz,
    hidden_by           text,
    hidden_reason       text,
    check (kind <> 'REVIEW' or (product_id is not null and rating is not null)),
    check (kind = 'REVIEW' or rating is null)
);

-- Feeds: a page is one index range scan (space, order key, id) of visible posts, backwards from the cursor.
create index post_feed_newest on post (space_id, created_at, id) where hidden_at is null and deleted_at is null;
create index post_feed_active on post (space_id, last_activity_at, id) where hidden_at is null and deleted_at is null;
create index post_feed_unanswered on post (space_id, created_at, id)
    where kind = 'QUESTION' and answer_count = 0 and hidden_at is null and deleted_at is null;
-- at most one standing review per member and product (a deleted review frees the slot, a hidden one does not)
create unique index post_one_review on post (author_member_id, product_id) where kind = 'REVIEW' and deleted_at is null;
-- product ratings over visible reviews
create index post_product_reviews on post (product_id, rating)
    where kind = 'REVIEW' and hidden_at is null and deleted_at is null;
-- the posting rate limit and "a member's posts"
create index post_author on post (author_member_id, created_at);

-- A post's earlier versions: the title, body and tags it had before each edit.
create table post_revision (
    id        bigint generated always as identity primary key,
    post_id   uuid        not null references post (id),
    title     text        not null,
    body      text        not null,
    format    text        not null,
    tags      text[]      not null default '{}',
    -- when this version was written (the post's creation or the edit before)
    written_at timestamptz not null,
    -- when it was replaced, and by whom
    replaced_at timestamptz not null,
    replaced_by text        not null
);

create index post_revision_post on post_revision (post_id, id);

-- A comment on a post; on a question, a comment by someone other than the asker is an answer.
create table comment (
    id               uuid primary key,
    post_id          uuid        not null references post (id),
    author_subject   text        not null,
    author_member_id uuid references community_member (member_id),
    body             text        not null,
    answer           boolean     not null default false,
    created_at       timestamptz not null,
    edited_at        timestamptz,
    like_count       int         not null default 0 check (like_count >= 0),
    helpful_count    int         not null default 0 check (helpful_count >= 0),
    thanks_count     int         not null default 0 check (thanks_count >= 0),
    deleted_at       timestamptz,
    hidden_at        timestamptz,
    hidden_by        text,
    hidden_reason    text
);

-- a post's comments in order (cursor paging), and the posting rate limit
create index comment_post on comment (post_id, created_at, id);
create index comment_author on comment (author_member_id, created_at);

alter table post add constraint post_accepted_comment foreign key (accepted_comment_id) references comment (id);

-- A comment's earlier bodies.
create table comment_revision (
    id          bigint generated always as identity primary key,
    comment_id  uuid        not null references comment (id),
    body        text        not null,
    written_at  timestamptz not null,
    replaced_at timestamptz not null,
    replaced_by text        not null
);

create index comment_revision_comment on comment_revision (comment_id, id);

-- A member's reaction to a post or a comment; one per member, target and kind. Taking it back deletes the row (a
-- reaction given again is a new reaction with a new id).
create table reaction (
    id          uuid primary key,
    target_type text        not null check (target_type in ('POST', 'COMMENT')),
    target_id   uuid        not null,
    -- the post the target belongs to (the post itself, or the comment's post)
    post_id     uuid        not null references post (id),
    member_id   uuid        not null references community_member (member_id),
    kind        text        not null check (kind in ('LIKE', 'HELPFUL', 'THANKS')),
    created_at  timestamptz not null,
    unique (target_id, member_id, kind)
);

create index reaction_member on reaction (member_id, created_at);

-- Unique viewers of a piece of content per (UTC) day: a read inserts its row, on conflict nothing; append-only.
create table content_view (
    content_type text        not null,
    content_id   uuid        not null,
    day          date        not null,
    viewer       text        not null,
    seen_at      timestamptz not null,
    primary key (content_id, day, viewer)
);

create index content_view_day on content_view (day);

-- New unique views not yet added to post.view_count; ViewCounter folds (deletes) them every few seconds.
create table content_view_pending (
    id           bigint generated always as identity primary key,
    content_type text not null,
    content_id   uuid not null
);
