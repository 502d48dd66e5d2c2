-- A member's post as community-service writes it, by hand: the same seven statements in one transaction, in the order
-- PostStatementsTest pins (the member by the token's subject, the space, the member's lock, the posting limit's
-- count, the post with its search-document trigger and indexes, the contribution with the member's score, the event),
-- against the same tables at the same size. CommunityBench runs it with pgbench (-M prepared, as the services' driver
-- prepares its statements): the database's own speed for the posting path, without any JVM.
-- Differences, each small: the member and the space are picked through two small lookup tables (bench_poster,
-- bench_space: a primary-key read more in each of the first two statements), the post returns its id for the
-- contribution, the times are now() instead of parameters (the posting limit counts over the one-second window
-- bench/run gives the stack), and the event goes into bench_outbox (outbox_event's copy, with its indexes and
-- sequence), so the service's relay does not send it to Kafka and no consumer acts on it.
-- Variables: -D members=<rows of bench_poster> -D spaces=<rows of bench_space>. pgbench takes a colon followed by a
-- name as a variable even inside a string, so the event's JSON has a space after each colon.
\set m random(0, :members - 1)
\set s random(0, :spaces - 1)
begin;
select cm.member_id, cm.subject, cm.display_name, cm.tier, cm.score, cm.known_since, cm.updated_at from community_member cm where cm.subject = (select subject from bench_poster where n = :m) fetch first 1 rows only \gset
select sp.id as space_id, sp.all_members, sp.allowed_kinds, sp.members_may_post, sp.tiers, sp.titles, sp.name from space sp where sp.id = (select id from bench_space where n = :s) \gset
select member_id from community_member where member_id = :member_id for no key update;
select (select count(*) from post where author_member_id = :member_id and created_at >= now() - interval '1 second') + (select count(*) from comment where author_member_id = :member_id and created_at >= now() - interval '1 second') as written;
insert into post (accepted_at, accepted_by, accepted_comment_id, answer_count, author_member_id, author_subject, body, comment_count, created_at, deleted_at, edited_at, format, helpful_count, hidden_at, hidden_by, hidden_reason, kind, last_activity_at, like_count, product_id, rating, space_id, tags, thanks_count, title, view_count, id) values (null, null, null, 0, :member_id, :subject, 'Which beans do you brew this week? Client ' || :m || ', post by hand.', 0, now(), null, null, 'PLAIN', 0, null, null, null, 'DISCUSSION', now(), 0, null, null, :space_id, '{bench}', 0, 'Bench post by hand ' || :m, 0, bench_time_ordered_id()) returning id as post_id \gset
with recorded as (insert into contribution (id, member_id, kind, content_id, source_id, actor_id, space_id, weight, occurred_at) values (bench_time_ordered_id(), :member_id, 'POST', :post_id, :post_id, null, :space_id, 5, now()) on conflict (kind, source_id) do nothing returning member_id, weight), scored as (update community_member m set score = greatest(0, m.score + r.weight) from recorded r where m.member_id = r.member_id returning m.member_id) select (select count(*) from recorded), (select count(*) from scored);
insert into bench_outbox (attempts, created_at, event_type, last_error, message_key, parked_at, payload, published_at, topic, traceparent, tracestate, id) values (0, now(), 'PostCreated', null, :member_id, null, '{"eventId": "' || gen_random_uuid() || '","type": "PostCreated","schemaVersion": 1,"occurredAt": "' || now() || '","memberId": "' || :member_id::text || '","payload": {"contributionId": "' || gen_random_uuid() || '","contentId": "' || :post_id::text || '","spaceId": "' || :space_id::text || '","productId": null,"rating": null,"actorId": null,"weight": 5,"occurredAt": "' || now() || '"}}', null, 'community-activity', '00-' || md5(:post_id::text) || '-' || substr(md5(:member_id::text), 1, 16) || '-01', null, gen_random_uuid());
commit;
