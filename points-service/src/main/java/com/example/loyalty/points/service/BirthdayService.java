package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The member's birthday: the member gives it once; afterwards only staff or an admin change it (audited), so nobody
 * moves their birthday around the calendar to collect its points more than once a year (the birthday award is once per
 * member and year in any case).
 */
@ApplicationScoped
public class BirthdayService {

    /** No member was born before this day. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final MemberRepository members;
    private final MemberService memberService;
    private final AuditLog audit;
    private final PointsConfig config;

    public BirthdayService(MemberRepository members, MemberService memberService, AuditLog audit, PointsConfig config) {
        this.members = members;
        this.memberService = memberService;
        this.audit = audit;
        this.config = config;
    }

    /**
     * The caller gives their birthday: once. The same birthday again answers as before; another one is a 409 (staff
     * change it).
     */
    @Transactional
    public MemberView setOwn(String subject, LocalDate birthday) {
        check(birthday);
        Member member = members.lockBySubject(subject)
                .orElseThrow(() -> Problems.notFound(
                        "not-enrolled", "Not enrolled", "you are not enrolled yet: POST /api/points/members/me first"));
        if (member.birthday != null && !member.birthday.equals(birthday)) {
            throw Problems.conflict(
                    "birthday-already-set",
                    "Birthday already set",
                    "your birthday is set already; ask the staff at a store to correct it");
        }
        member.birthday = birthday;
        return memberService.view(member);
    }

    /** Staff or an admin set or correct a member's birthday (null clears it); audited with the reason. */
    @Transactional
    public MemberView change(UUID memberId, LocalDate birthday, String actor, String reason) {
        if (birthday != null) {
            check(birthday);
        }
        Member member = members.lockById(memberId)
                .filter(m -> m.erasedAt == null)
                .orElseThrow(() ->
                        Problems.notFound("member-not-found", "Member not found", "no member with id " + memberId));
        LocalDate before = member.birthday;
        member.birthday = birthday;
        Map<String, Object> was = new HashMap<>();
        was.put("birthday", before);
        Map<String, Object> now = new HashMap<>();
        now.put("birthday", birthday);
        audit.record(actor, AuditAction.BIRTHDAY_CHANGED, AuditTarget.MEMBER, member.id.toString(), was, now, reason);
        return memberService.view(member);
    }

    private void check(LocalDate birthday) {
        LocalDate today = LocalDate.now(config.zone());
        if (birthday.isAfter(today) || birthday.isBefore(EARLIEST)) {
            throw Problems.unprocessable(
                    "invalid-birthday",
                    "Invalid birthday",
                    "a birthday lies between " + EARLIEST + " and today (" + today + ")");
        }
    }
}
