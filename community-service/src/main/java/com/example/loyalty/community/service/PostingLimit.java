package com.example.loyalty.community.service;

import com.example.loyalty.community.config.CommunityConfig;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.repository.CommentRepository;
import com.example.loyalty.community.repository.PostRepository;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The posting rate limit: at most {@code community.posting.max-per-window} posts and comments per member in any
 * {@code community.posting.rate-window}. The member's row is locked for the rest of the transaction, so two
 * concurrent writes of one member cannot both take the last slot.
 */
@ApplicationScoped
public class PostingLimit {

    private final CommunityConfig config;
    private final PostRepository posts;
    private final CommentRepository comments;
    private final EntityManager em;

    public PostingLimit(CommunityConfig config, PostRepository posts, CommentRepository comments, EntityManager em) {
        this.config = config;
        this.posts = posts;
        this.comments = comments;
        this.em = em;
    }

    /**
     * Takes a slot for one more post or comment by {@code member} at {@code now}.
     *
     * @throws HttpProblem 429 {@code posting-rate-limited} with Retry-After (seconds until a slot frees)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(CommunityMember member, Instant now) {
        em.lock(member, LockModeType.PESSIMISTIC_WRITE);
        Duration window = config.posting().rateWindow();
        Instant since = now.minus(window);
        long written = posts.writtenByMemberSince(member.memberId, since);
        int max = config.posting().maxPerWindow();
        if (written < max) {
            return;
        }
        Instant oldest = Stream.of(
                        posts.oldestByMemberSince(member.memberId, since),
                        comments.oldestByMemberSince(member.memberId, since))
                .flatMap(java.util.Optional::stream)
                .min(Instant::compareTo)
                .orElse(now);
        long retryAfter = Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
        throw HttpProblem.builder()
                .withType(URI.create(com.example.loyalty.common.web.Problems.BASE + "posting-rate-limited"))
                .withStatus(429)
                .withTitle("Too many posts")
                .withDetail(
                        "at most " + max + " posts and comments per " + window + "; try again in " + retryAfter + " s")
                .withHeader("Retry-After", retryAfter)
                .with("retryAfterSeconds", retryAfter)
                .build();
    }
}
