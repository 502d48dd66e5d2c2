package com.example.loyalty.community.service;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;

/**
 * Who is calling: the token's subject, and for a member the community's record of them (learnt from their enrolment
 * event). The member id always comes from the token's subject, never from a path or body. Within a transaction the
 * record is looked up once: a write asks for it to check the ban and again to check which spaces the caller sees.
 */
@ApplicationScoped
public class Callers {

    /** The key of a subject's member record among the resources of the current transaction. */
    private record MemberOf(String subject) {}

    private final SecurityIdentity identity;
    private final CommunityMemberRepository members;
    private final TransactionSynchronizationRegistry transactions;

    public Callers(
            SecurityIdentity identity,
            CommunityMemberRepository members,
            TransactionSynchronizationRegistry transactions) {
        this.identity = identity;
        this.members = members;
        this.transactions = transactions;
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    public boolean isMarketer() {
        return identity.hasRole(Roles.MARKETER);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /**
     * The calling member, if their enrolment has reached the community. In a transaction, the same managed record on
     * every call (the persistence context would hand back the same instance for a second query anyway).
     */
    public Optional<CommunityMember> findMember() {
        String subject = subject();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return members.findBySubject(subject);
        }
        MemberOf key = new MemberOf(subject);
        @SuppressWarnings("unchecked")
        Optional<CommunityMember> known = (Optional<CommunityMember>) transactions.getResource(key);
        if (known == null) {
            known = members.findBySubject(subject);
            transactions.putResource(key, known);
        }
        return known;
    }

    /**
     * The calling member.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 409 {@code membership-pending} while their enrolment has
     *     not reached the community yet (it follows within seconds)
     */
    public CommunityMember member() {
        return findMember()
                .orElseThrow(() -> Problems.conflict(
                        "membership-pending",
                        "Membership not known yet",
                        "the community has not yet learnt of this member's enrolment; try again in a few seconds"));
    }

    /**
     * The calling member, who may write (post, comment, react, register).
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 403 {@code banned} when a moderator banned them
     */
    public CommunityMember writer() {
        CommunityMember member = member();
        if (member.banned()) {
            throw Problems.forbidden(
                    "banned",
                    "Banned from the community",
                    "this member was banned by a moderator and may read, but not post, comment or react");
        }
        return member;
    }
}
