package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The information program: a member's opt-ins per channel (newsletter, e-mail, push), each with the time and source
 * of the consent (or its withdrawal). A change moves the time and source of the channels it changes only, and every
 * change is kept in {@code opt_in_change} (who, when, what, from where): the proof of consent.
 */
@ApplicationScoped
public class OptIns {

    /** The channels a member opts in to. */
    public enum Channel {
        NEWSLETTER("newsletter"),
        EMAIL("email"),
        PUSH("push");

        /** The column prefix in {@code member_opt_in}: a constant, never user input. */
        final String column;

        Channel(String column) {
            this.column = column;
        }

        /** Case-insensitive; null if {@code name} is no channel. */
        public static Channel parse(String name) {
            if (name == null) {
                return null;
            }
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Where a consent was given. */
    public enum Source {
        /** The member, in the app or on the web. */
        APP,
        /** Staff at the till, for the member. */
        TILL,
        /** A history import. */
        IMPORT
    }

    /** One channel's consent; {@code changedAt} and {@code source} null when it was never given. */
    public record ChannelConsent(Channel channel, boolean optedIn, Instant changedAt, Source source) {}

    /** A member's opt-ins; {@code changed} lists the channels the call changed. */
    public record View(
            UUID memberId,
            boolean newsletter,
            boolean email,
            boolean push,
            List<ChannelConsent> channels,
            List<Channel> changed) {}

    /** What to change; a null flag stays as it is. */
    public record Change(Boolean newsletter, Boolean email, Boolean push) {}

    private final MemberRepository members;

    public OptIns(MemberRepository members) {
        this.members = members;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View ofSubject(String subject) {
        Member member = members.findBySubject(subject).orElseThrow(OptIns::notEnrolled);
        return read(member.id, List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View ofMember(UUID memberId) {
        Member member = members.findLive(memberId).orElseThrow(() -> memberNotFound(memberId));
        return read(member.id, List.of());
    }

    /** The member's own change, from the app. */
    @Transactional
    public View changeOwn(String subject, Change change) {
        Member member = members.lockBySubject(subject).orElseThrow(OptIns::notEnrolled);
        return apply(member.id, change, Source.APP, subject);
    }

    /** Staff recording the member's choice at the till. */
    @Transactional
    public View changeAtTill(UUID memberId, Change change, String staff) {
        Member member =
                members.lockById(memberId).filter(m -> m.erasedAt == null).orElseThrow(() -> memberNotFound(memberId));
        return apply(member.id, change, Source.TILL, staff);
    }

    private View apply(UUID memberId, Change change, Source source, String actor) {
        EntityManager em = members.getEntityManager();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("insert into member_opt_in (member_id, updated_at) values (:m, :now) "
                        + "on conflict (member_id) do nothing")
                .setParameter("m", memberId)
                .setParameter("now", utc(now))
                .executeUpdate();
        View before = read(memberId, List.of());
        List<Channel> changed = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Boolean wanted = switch (channel) {
                case NEWSLETTER -> change.newsletter();
                case EMAIL -> change.email();
                case PUSH -> change.push();
            };
            if (wanted == null || wanted == flag(before, channel)) {
                continue;
            }
            String c = channel.column;
            em.createNativeQuery("update member_opt_in set " + c + " = :v, " + c + "_at = :now, " + c
                            + "_source = :src, updated_at = :now where member_id = :m")
                    .setParameter("v", wanted)
                    .setParameter("now", utc(now))
                    .setParameter("src", source.name())
                    .setParameter("m", memberId)
                    .executeUpdate();
            em.createNativeQuery("insert into opt_in_change (id, member_id, channel, granted, source, changed_at, "
                            + "changed_by) values (:id, :m, :ch, :v, :src, :now, :by)")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("m", memberId)
                    .setParameter("ch", channel.name())
                    .setParameter("v", wanted)
                    .setParameter("src", source.name())
                    .setParameter("now", utc(now))
                    .setParameter("by", actor)
                    .executeUpdate();
            changed.add(channel);
        }
        return read(memberId, changed);
    }

    private static boolean flag(View v, Channel c) {
        return switch (c) {
            case NEWSLETTER -> v.newsletter();
            case EMAIL -> v.email();
            case PUSH -> v.push();
        };
    }

    private View read(UUID memberId, List<Channel> changed) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = members.getEntityManager()
                .createNativeQuery("select newsletter, newsletter_at, newsletter_source, email, email_at, "
                        + "email_source, push, push_at, push_source from member_opt_in where member_id = :m")
                .setParameter("m", memberId)
                .getResultList();
        List<ChannelConsent> channels = new ArrayList<>();
        Object[] row = rows.isEmpty() ? null : rows.get(0);
        for (Channel channel : Channel.values()) {
            int i = channel.ordinal() * 3;
            if (row == null) {
                channels.add(new ChannelConsent(channel, false, null, null));
            } else {
                channels.add(new ChannelConsent(
                        channel,
                        (Boolean) row[i],
                        instant(row[i + 1]),
                        row[i + 2] == null ? null : Source.valueOf((String) row[i + 2])));
            }
        }
        return new View(
                memberId,
                channels.get(0).optedIn(),
                channels.get(1).optedIn(),
                channels.get(2).optedIn(),
                channels,
                List.copyOf(changed));
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }

    private static RuntimeException notEnrolled() {
        return Problems.notFound("member-not-found", "Member not found", "the caller is not enrolled");
    }

    private static RuntimeException memberNotFound(UUID id) {
        return Problems.notFound("member-not-found", "Member not found", "no member with id " + id);
    }
}
