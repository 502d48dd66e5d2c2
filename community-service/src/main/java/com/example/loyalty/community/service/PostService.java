package com.example.loyalty.community.service;

import com.example.loyalty.common.persistence.TimeOrderedIds;
import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.text.Enums;
import com.example.loyalty.common.web.FieldProblem;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.config.CommunityConfig;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.domain.ContributionKind;
import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.PostKind;
import com.example.loyalty.community.domain.PostRevision;
import com.example.loyalty.community.domain.ReactionKind;
import com.example.loyalty.community.domain.Space;
import com.example.loyalty.community.domain.TextFormat;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import com.example.loyalty.community.repository.FeedRepository;
import com.example.loyalty.community.repository.FeedRepository.FeedEntry;
import com.example.loyalty.community.repository.FeedRepository.FeedOrder;
import com.example.loyalty.community.repository.FeedRepository.FeedPosition;
import com.example.loyalty.community.repository.FeedRepository.Reader;
import com.example.loyalty.community.repository.PostRepository;
import com.example.loyalty.community.repository.ReactionRepository;
import com.example.loyalty.community.repository.RevisionRepository;
import com.example.loyalty.community.repository.ViewRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Posts: written by members (announcements by marketers and admins), stored exactly as written, edited and deleted
 * by their author only, read by whoever sees their space. Discussions and questions count as a POST contribution,
 * reviews as a REVIEW contribution; deleting a post revokes the contributions about it.
 */
@ApplicationScoped
public class PostService {

    static final int MAX_PRODUCT_ID = 100;

    /** A new post as the caller writes it. */
    public record PostInput(
            String kind,
            String title,
            String body,
            String format,
            List<String> tags,
            String productId,
            Integer rating) {}

    /** An edit: null fields keep their value. */
    public record PostPatch(String title, String body, String format, List<String> tags) {}

    /** A post with what the caller sees about it. */
    public record PostDetails(Post post, String authorName, boolean mine, List<ReactionKind> myReactions) {}

    /** A page of a feed; {@code nextCursor} is null on the last page. */
    public record FeedPage(List<FeedEntry> posts, String nextCursor) {}

    private final ContentAccess access;
    private final Callers callers;
    private final PostRepository posts;
    private final FeedRepository feeds;
    private final RevisionRepository revisions;
    private final ReactionRepository reactions;
    private final CommunityMemberRepository members;
    private final ViewRepository views;
    private final PostingLimit limit;
    private final Contributions contributions;
    private final CommunityConfig config;
    private final EntityManager em;
    private final MeterRegistry registry;

    public PostService(
            ContentAccess access,
            Callers callers,
            PostRepository posts,
            FeedRepository feeds,
            RevisionRepository revisions,
            ReactionRepository reactions,
            CommunityMemberRepository members,
            ViewRepository views,
            PostingLimit limit,
            Contributions contributions,
            CommunityConfig config,
            EntityManager em,
            MeterRegistry registry) {
        this.access = access;
        this.callers = callers;
        this.posts = posts;
        this.feeds = feeds;
        this.revisions = revisions;
        this.reactions = reactions;
        this.members = members;
        this.views = views;
        this.limit = limit;
        this.contributions = contributions;
        this.config = config;
        this.em = em;
        this.registry = registry;
    }

    @Transactional
    public PostDetails create(UUID spaceId, PostInput in) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PostKind kind = Enums.parse(PostKind.class, in.kind());
        if (kind == null) {
            throw Problems.invalid(
                    "invalid-post",
                    "Invalid post",
                    List.of(new FieldProblem("kind", "DISCUSSION, QUESTION, REVIEW or ANNOUNCEMENT")));
        }
        CommunityMember author = null;
        if (kind == PostKind.ANNOUNCEMENT) {
            if (!access.staff()) {
                throw Problems.forbidden(
                        "announcement-staff-only",
                        "Announcements are the brand's",
                        "only marketers post announcements");
            }
        } else {
            author = access.writer();
        }
        Space space = access.space(spaceId);
        if (!space.allows(kind)) {
            throw Problems.unprocessable(
                    "kind-not-allowed",
                    "Kind not allowed here",
                    "space " + spaceId + " does not take " + kind + " posts");
        }
        if (author != null && !space.membersMayPost) {
            throw Problems.forbidden(
                    "members-may-not-post", "Comments only", "members may comment in this space, not post");
        }
        Post post = new Post();
        post.id = TimeOrderedIds.next();
        post.spaceId = space.id;
        post.kind = kind;
        post.authorSubject = callers.subject();
        post.authorMemberId = author == null ? null : author.memberId;
        List<FieldProblem> errors = new ArrayList<>();
        post.title = title(in.title(), errors);
        post.body = body(in.body(), errors);
        post.format = format(in.format(), TextFormat.PLAIN, errors);
        post.tags = tags(in.tags(), errors);
        if (kind == PostKind.REVIEW) {
            if (in.productId() == null || in.productId().isBlank()) {
                errors.add(new FieldProblem("productId", "required on a review"));
            } else if (in.productId().length() > MAX_PRODUCT_ID) {
                errors.add(new FieldProblem("productId", "at most " + MAX_PRODUCT_ID + " characters"));
            }
            if (in.rating() == null) {
                errors.add(new FieldProblem("rating", "required on a review"));
            } else if (in.rating() < 1 || in.rating() > 5) {
                errors.add(new FieldProblem("rating", "1 to 5"));
            }
        } else {
            if (in.rating() != null) {
                errors.add(new FieldProblem("rating", "only reviews carry a rating"));
            }
            if (in.productId() != null && in.productId().length() > MAX_PRODUCT_ID) {
                errors.add(new FieldProblem("productId", "at most " + MAX_PRODUCT_ID + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("invalid-post", "Invalid post", errors);
        }
        post.productId = in.productId() == null || in.productId().isBlank()
                ? null
                : in.productId().trim();
        post.rating = kind == PostKind.REVIEW ? in.rating() : null;
        post.createdAt = now;
        post.lastActivityAt = now;
        if (author != null) {
            limit.take(author, now);
        }
        posts.persist(post);
        Transactions.flushOrThrow(
                em,
                () -> Problems.conflict(
                        "review-exists",
                        "Already reviewed",
                        "this member has already reviewed product " + post.productId
                                + "; edit or delete that review instead"));
        if (author != null) {
            Contributions.Cause cause = Contributions.Cause.of(
                    kind == PostKind.REVIEW ? ContributionKind.REVIEW : ContributionKind.POST,
                    author.memberId,
                    post.id,
                    post.id,
                    space.id);
            if (kind == PostKind.REVIEW) {
                cause = cause.reviewing(post.productId, post.rating);
            }
            contributions.record(cause, now);
        }
        registry.counter("loyalty.community.posts", "kind", kind.name().toLowerCase(Locale.ROOT))
                .increment();
        // the caller wrote it, under the name of the member found above, and nobody has reacted yet: nothing to read
        return new PostDetails(post, author == null ? null : author.displayName, true, List.of());
    }

    /** The post as the caller sees it; counts the caller as a viewer of today (UTC). */
    @Transactional
    public PostDetails read(UUID id) {
        Post post = access.post(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        views.record("POST", post.id, LocalDate.ofInstant(now, ZoneOffset.UTC), callers.subject(), now);
        return details(post);
    }

    @Transactional
    public PostDetails edit(UUID id, PostPatch patch) {
        Post post = access.postForUpdate(id);
        mustBeAuthor(post);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<FieldProblem> errors = new ArrayList<>();
        String title = patch.title() == null ? post.title : title(patch.title(), errors);
        String body = patch.body() == null ? post.body : body(patch.body(), errors);
        TextFormat format = format(patch.format(), post.format, errors);
        List<String> tags = patch.tags() == null ? post.tags : tags(patch.tags(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid("invalid-post", "Invalid post", errors);
        }
        if (title.equals(post.title) && body.equals(post.body) && format == post.format && tags.equals(post.tags)) {
            return details(post);
        }
        PostRevision revision = new PostRevision();
        revision.postId = post.id;
        revision.title = post.title;
        revision.body = post.body;
        revision.format = post.format;
        revision.tags = new ArrayList<>(post.tags);
        revision.writtenAt = post.editedAt == null ? post.createdAt : post.editedAt;
        revision.replacedAt = now;
        revision.replacedBy = callers.subject();
        revisions.add(revision);
        post.title = title;
        post.body = body;
        post.format = format;
        post.tags = new ArrayList<>(tags);
        post.editedAt = now;
        return details(post);
    }

    /** The post's earlier versions, oldest first (the current one is the post itself). */
    @Transactional
    public List<PostRevision> history(UUID id) {
        Post post = access.post(id);
        return revisions.ofPost(post.id);
    }

    /** Soft-deletes the post (author only) and revokes the contributions about it. */
    @Transactional
    public void delete(UUID id) {
        Post post = access.postForUpdate(id);
        mustBeAuthor(post);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        post.deletedAt = now;
        contributions.revokeAbout(post.id, "DELETED", now);
    }

    /**
     * A page of the space's visible posts, if the caller sees the space (else 404, as for a space that does not
     * exist). One statement, so no transaction of its own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedPage feed(UUID spaceId, String sort, String cursor, int pageSize) {
        FeedOrder order = Enums.parse(FeedOrder.class, sort == null ? "newest" : sort);
        if (order == null) {
            throw Problems.badRequest("bad-sort", "Unknown sort", "sort is newest, active or unanswered");
        }
        String orderName = order.name();
        Cursors.Position position = Cursors.decode(orderName, cursor);
        List<FeedEntry> page = feeds.page(
                        spaceId,
                        new Reader(callers.subject(), access.staff()),
                        order,
                        position == null ? null : new FeedPosition(position.at(), position.id()),
                        pageSize + 1)
                .orElseThrow(() -> ContentAccess.noSuchSpace(spaceId));
        String next = null;
        if (page.size() > pageSize) {
            page = page.subList(0, pageSize);
            FeedEntry last = page.get(page.size() - 1);
            next = Cursors.encode(
                    orderName, order == FeedOrder.ACTIVE ? last.lastActivityAt() : last.createdAt(), last.id());
        }
        return new FeedPage(page, next);
    }

    /** Display names of the members among {@code ids} (nulls ignored). */
    public Map<UUID, String> authorNames(Collection<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        wanted.remove(null);
        return members.displayNames(wanted);
    }

    private PostDetails details(Post post) {
        String subject = callers.subject();
        String authorName = post.authorMemberId == null
                ? null
                : authorNames(List.of(post.authorMemberId)).get(post.authorMemberId);
        List<ReactionKind> mine = callers.findMember()
                .map(m -> reactions.kindsBy(post.id, m.memberId))
                .orElse(List.of());
        return new PostDetails(post, authorName, subject.equals(post.authorSubject), mine);
    }

    private void mustBeAuthor(Post post) {
        if (!callers.subject().equals(post.authorSubject)) {
            throw Problems.forbidden("not-author", "Not your post", "only the author edits or deletes a post");
        }
        if (post.authorMemberId != null) {
            access.writer();
        }
    }

    String title(String title, List<FieldProblem> errors) {
        int max = config.posting().maxTitleLength();
        if (title == null || title.isBlank()) {
            errors.add(new FieldProblem("title", "required"));
        } else if (title.length() > max) {
            errors.add(new FieldProblem("title", "at most " + max + " characters"));
        }
        return title;
    }

    String body(String body, List<FieldProblem> errors) {
        int max = config.posting().maxBodyLength();
        if (body == null || body.isBlank()) {
            errors.add(new FieldProblem("body", "required"));
        } else if (body.length() > max) {
            errors.add(new FieldProblem("body", "at most " + max + " characters"));
        }
        return body;
    }

    static TextFormat format(String format, TextFormat otherwise, List<FieldProblem> errors) {
        if (format == null) {
            return otherwise;
        }
        TextFormat parsed = Enums.parse(TextFormat.class, format);
        if (parsed == null) {
            errors.add(new FieldProblem("format", "PLAIN or MARKDOWN"));
            return otherwise;
        }
        return parsed;
    }

    List<String> tags(List<String> tags, List<FieldProblem> errors) {
        if (tags == null) {
            return new ArrayList<>();
        }
        int max = config.posting().maxTags();
        int maxLength = config.posting().maxTagLength();
        if (tags.size() > max) {
            errors.add(new FieldProblem("tags", "at most " + max + " tags"));
            return new ArrayList<>();
        }
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                errors.add(new FieldProblem("tags", "a tag is not blank"));
            } else if (tag.trim().length() > maxLength) {
                errors.add(new FieldProblem("tags", "a tag has at most " + maxLength + " characters"));
            } else {
                kept.add(tag.trim());
            }
        }
        return new ArrayList<>(kept);
    }
}
