-- Moderation and discovery: full-text search over posts and comments (Japanese included), members' reports of posts
-- and comments and the report queue. Hiding itself uses post/comment.hidden_* (V2); every action is audited in
-- moderation_action.

-- Search terms of a text as a tsvector: Latin words as the 'simple' configuration splits them (lower-cased), plus
-- overlapping character bigrams of every CJK run (kana, kanji, hangul), which no PostgreSQL parser splits into words:
-- 'コーヒーの抽出' gives 'コー', 'ーヒ', 'ヒー', 'ーの', 'の抽', '抽出' at consecutive positions and its last character
-- '出' on its own, so any substring of a run is found by a phrase of its bigrams (or, for one character, a prefix).
-- Runs are a position apart, so a phrase never spans two runs. The same rules build the query (community_search_query).
create function community_search_vector(doc text) returns tsvector
    language plpgsql immutable parallel safe as $$
declare
    cjk constant text := '[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af]+';
    lowered text := lower(coalesce(doc, ''));
    run text;
    grams text[] := '{}';
    pos int := 0;
    n int;
begin
    for run in select m[1] from regexp_matches(lowered, '(' || cjk || ')', 'g') as m loop
        n := char_length(run);
        for i in 1 .. greatest(n - 1, 1) loop
            pos := pos + 1;
            grams := grams || ('''' || substr(run, i, 2) || ''':' || least(pos, 16383));
        end loop;
        if n > 1 then
            grams := grams || ('''' || substr(run, n, 1) || ''':' || least(pos, 16383));
        end if;
        pos := pos + 1;
    end loop;
    return to_tsvector('simple', regexp_replace(lowered, cjk, ' ', 'g')) || array_to_string(grams, ' ')::tsvector;
end
$$;

-- A search query by the same rules: every Latin word as a prefix, every CJK run as the phrase of its bigrams (one
-- character: a prefix), all of them required. Null when the text has nothing to search for.
create function community_search_query(q text) returns tsquery
    language plpgsql immutable parallel safe as $$
declare
    cjk constant text := '[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af]+';
    lowered text := lower(coalesce(q, ''));
    run text;
    word text;
    parts text[] := '{}';
    grams text[];
    n int;
begin
    for word in select lexeme from unnest(to_tsvector('simple', regexp_replace(lowered, cjk, ' ', 'g'))) loop
        parts := parts || ('''' || replace(replace(word, '\', '\\'), '''', '''''') || ''':*');
    end loop;
    for run in select m[1] from regexp_matches(lowered, '(' || cjk || ')', 'g') as m loop
        n := char_length(run);
        if n = 1 then
            parts := parts || ('''' || run || ''':*');
        else
            grams := '{}';
            for i in 1 .. n - 1 loop
                grams := grams || ('''' || substr(run, i, 2) || '''');
            end loop;
            parts := parts || ('(' || array_to_string(grams, ' <-> ') || ')');
        end if;
    end loop;
    if cardinality(parts) = 0 then
        return null;
    end if;
    return array_to_string(parts, ' & ')::tsquery;
end
$$;

-- A post's search document (title weight A, tags B, body D), kept beside the post rather than in it so that reading
-- posts never carries it. A trigger on post keeps it current on every insert and on every update of title, body or
-- tags, whatever code writes the post; visibility (hidden, deleted) is read from the post at query time.
create table post_search (
    post_id  uuid primary key references post (id),
    document tsvector not null
);

create index post_search_document on post_search using gin (document);

create function post_search_refresh() returns trigger
    language plpgsql as $$
begin
    insert into post_search (post_id, document)
    values (new.id,
            setweight(community_search_vector(new.title), 'A')
                || setweight(community_search_vector(array_to_string(new.tags, ' ')), 'B')
                || setweight(community_search_vector(new.body), 'D'))
    on conflict (post_id) do update set document = excluded.document;
    return null;
end
$$;

create trigger post_search_refresh after insert or update of title, body, tags on post
    for each row execute function post_search_refresh();

insert into post_search (post_id, document)
select id,
       setweight(community_search_vector(title), 'A')
           || setweight(community_search_vector(array_to_string(tags, ' ')), 'B')
           || setweight(community_search_vector(body), 'D')
from post;

-- A comment's search document (its body), kept the same way by a trigger on comment. A post is found by its own
-- words or by those of one of its visible comments.
create table comment_search (
    comment_id uuid primary key references comment (id),
    post_id    uuid     not null references post (id),
    document   tsvector not null
);

create index comment_search_document on comment_search using gin (document);

create function comment_search_refresh() returns trigger
    language plpgsql as $$
begin
    insert into comment_search (comment_id, post_id, document)
    values (new.id, new.post_id, community_search_vector(new.body))
    on conflict (comment_id) do update set document = excluded.document;
    return null;
end
$$;

create trigger comment_search_refresh after insert or update of body on comment
    for each row execute function comment_search_refresh();

insert into comment_search (comment_id, post_id, document)
select id, post_id, community_search_vector(body) from comment;

-- A member's report of a post or comment. One open report per member and content; a moderator resolves all of a
-- content's open reports at once, by hiding it (HIDDEN) or dismissing them (DISMISSED).
create table content_report (
    id                 uuid primary key,
    content_type       text        not null check (content_type in ('POST', 'COMMENT')),
    content_id         uuid        not null,
    -- the post itself, or the comment's post
    post_id            uuid        not null references post (id),
    reporter_member_id uuid        not null references community_member (member_id),
    reason             text        not null check (reason in ('SPAM', 'ABUSE', 'OFF_TOPIC', 'MISINFORMATION', 'OTHER')),
    note               text,
    created_at         timestamptz not null,
    status             text        not null default 'OPEN' check (status in ('OPEN', 'HIDDEN', 'DISMISSED')),
    resolved_at        timestamptz,
    resolved_by        text,
    resolution_reason  text,
    check ((status = 'OPEN') = (resolved_at is null))
);

create unique index content_report_open_once on content_report (content_id, reporter_member_id) where status = 'OPEN';
-- the queue: contents with open reports, latest report first
create index content_report_open on content_report (content_id, created_at) where status = 'OPEN';
create index content_report_resolved on content_report (status, resolved_at, content_id) where status <> 'OPEN';
