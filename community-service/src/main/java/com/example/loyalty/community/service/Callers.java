package com.example.loyalty.community.service;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who is calling: the token's subject, and for a member the community's record of them (learnt from their enrolment
 * event). The member id always comes from the token's subject, never from a path or body.
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;
    private final CommunityMemberRepository members;

    public Callers(SecurityIdentity identity, CommunityMemberRepository members) {
        this.identity = identity;
        this.members = members;
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

    /** The calling member, if their enrolment has reached the community. */
    public Optional<CommunityMember> findMember() {
        return members.findBySubject(subject());
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
