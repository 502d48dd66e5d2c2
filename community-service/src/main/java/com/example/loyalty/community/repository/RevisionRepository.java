package com.example.loyalty.community.repository;

import com.example.loyalty.community.domain.CommentRevision;
import com.example.loyalty.community.domain.PostRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The edit histories: {@code post_revision} and {@code comment_revision}. */
@ApplicationScoped
public class RevisionRepository {

    private final EntityManager em;

    public RevisionRepository(EntityManager em) {
        this.em = em;
    }

    public void add(PostRevision revision) {
        em.persist(revision);
    }

    public void add(CommentRevision revision) {
        em.persist(revision);
    }

    /** The post's earlier versions, oldest first. */
    public List<PostRevision> ofPost(UUID postId) {
        return em.createQuery("from PostRevision where postId = ?1 order by id", PostRevision.class)
                .setParameter(1, postId)
                .getResultList();
    }

    /** The comment's earlier bodies, oldest first. */
    public List<CommentRevision> ofComment(UUID commentId) {
        return em.createQuery("from CommentRevision where commentId = ?1 order by id", CommentRevision.class)
                .setParameter(1, commentId)
                .getResultList();
    }
}
