package com.example.loyalty.community.service;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.domain.Post;
import com.example.loyalty.community.domain.Space;
import com.example.loyalty.community.repository.PostRepository;
import com.example.loyalty.community.repository.SpaceRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may see which space and post. Marketers and admins see every space; a member sees the spaces open to all
 * members and those open to their tier. A space or post the caller may not see answers exactly like one that does
 * not exist (404), so its existence does not leak. Hidden and deleted posts are not found either.
 */
@ApplicationScoped
public class ContentAccess {

    private final SecurityIdentity identity;
    private final Callers callers;
    private final SpaceRepository spaces;
    private final PostRepository posts;

    public ContentAccess(SecurityIdentity identity, Callers callers, SpaceRepository spaces, PostRepository posts) {
        this.identity = identity;
        this.callers = callers;
        this.spaces = spaces;
        this.posts = posts;
    }

    /** Marketers and admins: they see every space and write announcements. */
    public boolean staff() {
        return callers.isMarketer() || callers.isAdmin();
    }

    public boolean member() {
        return identity.hasRole(Roles.MEMBER);
    }

    /** The caller's tier when a member the directory knows, else null (all-members spaces only). */
    public String tier() {
        return callers.findMember().map(m -> m.tier).orElse(null);
    }

    public boolean sees(Space space) {
        return staff() || space.visibleToTier(tier());
    }

    /** The space, if the caller sees it; else a 404 problem. */
    public Space space(UUID id) {
        Space space = spaces.findById(id);
        if (space == null || !sees(space)) {
            throw noSuchSpace(id);
        }
        return space;
    }

    /** The visible post, if the caller sees its space; else a 404 problem. */
    public Post post(UUID id) {
        return check(posts.findById(id), id);
    }

    /** Like {@link #post}, locked for update. */
    public Post postForUpdate(UUID id) {
        return check(posts.findForUpdate(id).orElse(null), id);
    }

    private Post check(Post post, UUID id) {
        if (post == null || !post.visible()) {
            throw noSuchPost(id);
        }
        Space space = spaces.findById(post.spaceId);
        if (space == null || !sees(space)) {
            throw noSuchPost(id);
        }
        return post;
    }

    /** The calling member who may write (403 when banned, 409 while their enrolment is pending). */
    public CommunityMember writer() {
        if (!member()) {
            throw Problems.forbidden(
                    "members-only", "Members only", "only community members post, comment, answer and react");
        }
        return callers.writer();
    }

    public static RuntimeException noSuchSpace(UUID id) {
        return Problems.notFound("space-not-found", "No such space", "no space " + id);
    }

    public static RuntimeException noSuchPost(UUID id) {
        return Problems.notFound("post-not-found", "No such post", "no post " + id);
    }
}
