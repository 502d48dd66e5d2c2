package com.example.loyalty.metrics.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.repository.MemberDirectoryRepository;
import com.example.loyalty.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** member-events through the real broker into the member directory (token subject -> member id). */
@QuarkusTest
class MemberEventsConsumerTest {

    @Inject
    MemberDirectoryRepository directory;

    @Test
    void anEnrolmentLinksTheMembersSubjectAndAReLinkMovesIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String subject = "sub-" + UUID.randomUUID();
        send(first, new MemberEnrolled("8800000000001", "REGULAR", subject));
        await().atMost(Duration.ofSeconds(60)).until(() -> memberOf(subject).isPresent());
        assertEquals(first, memberOf(subject).orElseThrow());

        send(second, new MemberEnrolled("8800000000002", "REGULAR", subject));
        await().atMost(Duration.ofSeconds(60)).until(() -> memberOf(subject).equals(Optional.of(second)));
    }

    @Test
    void anImportedMemberWithoutALoginAndPoisonAreNoObstacle() {
        UUID imported = UUID.randomUUID();
        send(imported, new MemberEnrolled("8800000000003", "REGULAR", null));
        TestKafka.send(Topics.MEMBER_EVENTS, "k", "{not json");
        UUID later = UUID.randomUUID();
        String subject = "sub-" + UUID.randomUUID();
        send(later, new MemberEnrolled("8800000000004", "REGULAR", subject));
        await().atMost(Duration.ofSeconds(60)).until(() -> memberOf(subject).isPresent());
        assertEquals(
                1,
                TestKafka.read(MemberEventsConsumer.DLQ, r -> r.value().equals("{not json"), 1, Duration.ofSeconds(30))
                        .size());
    }

    private Optional<UUID> memberOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> directory.memberOf(subject));
    }

    private static void send(UUID memberId, MemberEnrolled enrolled) {
        EventEnvelope e = EventJson.envelope(
                EventTypes.MEMBER_ENROLLED,
                MemberEnrolled.SCHEMA_VERSION,
                Instant.now(),
                memberId.toString(),
                enrolled);
        TestKafka.send(Topics.MEMBER_EVENTS, memberId.toString(), EventJson.write(e));
    }
}
