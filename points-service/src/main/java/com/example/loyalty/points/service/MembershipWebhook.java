package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.PaidMembershipRepository;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment provider's webhook: it starts, renews and cancels paid memberships as staff do, authenticated by a
 * signature over the raw body, as Stripe signs its webhooks. The header {@code Loyalty-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the shared secret>} (several v1 values allowed, for a secret being
 * rotated); the signature is compared in constant time; a timestamp further than the tolerance from now is refused (a
 * captured delivery cannot be replayed later); an event id seen before is answered without effect (a replay within the
 * tolerance, or the provider's own retry).
 */
@ApplicationScoped
public class MembershipWebhook {

    public static final String SIGNATURE_HEADER = "Loyalty-Signature";

    private static final String HMAC = "HmacSHA256";

    private final PointsConfig config;
    private final PaidMemberships memberships;
    private final PaidMembershipRepository rows;
    private final MemberRepository members;

    public MembershipWebhook(
            PointsConfig config, PaidMemberships memberships, PaidMembershipRepository rows, MemberRepository members) {
        this.config = config;
        this.memberships = memberships;
        this.rows = rows;
        this.members = members;
    }

    /** A webhook event, as the provider sends it (the body's JSON). */
    public record Event(
            String id,
            String type,
            UUID memberId,
            String cardCode,
            String plan,
            String paymentId,
            Instant periodEnd,
            Instant occurredAt,
            String reason) {}

    /** What a delivery did: the membership after it, or nothing when the event id was seen before. */
    public record Outcome(String eventId, boolean replayed, PaidMemberships.MembershipView membership) {}

    /**
     * Checks the signature of {@code body} against {@code header} at {@code now}.
     *
     * @throws HttpProblem 401 when the header is missing or malformed, no signature matches, the timestamp is outside
     *     the tolerance, or no secret is configured
     */
    public void verify(String header, byte[] body, Instant now) {
        String secret =
                config.memberships().webhookSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            throw unauthorized("webhook-not-configured", "no webhook secret is configured: every delivery is refused");
        }
        if (header == null || header.isBlank()) {
            throw unauthorized("invalid-signature", "the " + SIGNATURE_HEADER + " header is missing");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    throw unauthorized("invalid-signature", "the signature's timestamp is not a number");
                }
            } else if (kv[0].equals("v1")) {
                try {
                    signatures.add(HexFormat.of().parseHex(kv[1]));
                } catch (IllegalArgumentException e) {
                    // not hex: cannot match; other v1 values may
                }
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw unauthorized("invalid-signature", "the signature header needs t=<unix seconds> and v1=<hex hmac>");
        }
        byte[] expected = sign(secret, timestamp, body);
        boolean matches = false;
        for (byte[] candidate : signatures) {
            // constant time, and every candidate is compared whatever the first gave
            matches |= MessageDigest.isEqual(expected, candidate);
        }
        if (!matches) {
            throw unauthorized("invalid-signature", "no signature matches the body");
        }
        Duration tolerance = config.memberships().webhookTolerance();
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            throw unauthorized(
                    "stale-signature",
                    "the signature's timestamp is " + age + " s from now; at most " + tolerance.toSeconds()
                            + " s are accepted");
        }
    }

    /** The signature the provider computes: HMAC-SHA256 of {@code "<t>.<body>"} with the secret. */
    public static byte[] sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies a verified event, once by its id: the event id is recorded in the transaction of its effect, so a
     * refused event (an unknown member, a bad plan) is not recorded and can be sent again once fixed.
     */
    @Transactional
    public Outcome apply(Event event) {
        boolean byId = event.memberId() != null;
        boolean byCard = event.cardCode() != null && !event.cardCode().isBlank();
        if (byId == byCard) {
            throw Problems.badRequest(
                    "invalid-webhook-event", "Invalid webhook event", "give exactly one of memberId and cardCode");
        }
        UUID memberId = byId
                ? event.memberId()
                : members.findByCardCode(event.cardCode().strip())
                        .map(m -> m.id)
                        .orElseThrow(() -> Problems.unprocessable(
                                "unknown-card", "Unknown card", "no member has card " + event.cardCode()));
        if (byId) {
            memberId = members.findLive(memberId)
                    .map((Member m) -> m.id)
                    .orElseThrow(() -> Problems.unprocessable(
                            "unknown-member", "Unknown member", "no member has id " + event.memberId()));
        }
        if (!rows.markWebhookEvent(event.id(), event.type(), memberId, Instant.now())) {
            return new Outcome(event.id(), true, null);
        }
        PaidMemberships.MembershipView view = switch (event.type()) {
            case "membership.started" -> memberships.start(memberId, payment(event), PaidMemberships.WEBHOOK_ACTOR);
            case "membership.renewed" -> memberships.renew(memberId, payment(event), PaidMemberships.WEBHOOK_ACTOR);
            case "membership.cancelled" -> memberships.cancel(memberId, event.reason(), PaidMemberships.WEBHOOK_ACTOR);
            default ->
                throw Problems.badRequest(
                        "invalid-webhook-event",
                        "Invalid webhook event",
                        "type must be membership.started, membership.renewed or membership.cancelled");
        };
        return new Outcome(event.id(), false, view);
    }

    private static PaidMemberships.Payment payment(Event event) {
        if (event.paymentId() == null || event.paymentId().isBlank()) {
            throw Problems.badRequest(
                    "invalid-webhook-event", "Invalid webhook event", event.type() + " needs a paymentId");
        }
        return new PaidMemberships.Payment(event.plan(), event.paymentId().strip(), event.periodEnd());
    }

    private static HttpProblem unauthorized(String kind, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(Problems.BASE + kind))
                .withStatus(401)
                .withTitle("Webhook signature refused")
                .withDetail(detail)
                .build();
    }
}
