package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityFixtures.MARKETER;
import static com.example.loyalty.community.CommunityFixtures.cancel;
import static com.example.loyalty.community.CommunityFixtures.getEvent;
import static com.example.loyalty.community.CommunityFixtures.newEvent;
import static com.example.loyalty.community.CommunityFixtures.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.community.CommunityFixtures;
import com.example.loyalty.testing.Concurrently;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Members racing for seats: never more seated than the capacity, the rest waitlisted in order. */
@QuarkusTest
class EventRegistrationRaceTest {

    private static final int RACERS = 100;

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void aHundredMembersRaceForTheSeatsAndNoneIsOverbooked(int capacity) throws Exception {
        CommunityFixtures fixtures = new CommunityFixtures(dataSource);
        String eventId = newEvent(capacity);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            members.add(fixtures.member());
        }
        List<Callable<ExtractableResponse<Response>>> calls = members.stream()
                .map(m -> (Callable<ExtractableResponse<Response>>)
                        () -> register(m.token(), eventId).extract())
                .toList();
        List<ExtractableResponse<Response>> answers = Concurrently.run(calls);

        Map<UUID, Integer> positions = new HashMap<>();
        List<UUID> seated = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            ExtractableResponse<Response> answer = answers.get(i);
            UUID member = members.get(i).memberId();
            if (answer.statusCode() == 201) {
                assertEquals("SEATED", answer.path("status"));
                seated.add(member);
            } else {
                assertEquals(202, answer.statusCode(), answer.asString());
                assertEquals("WAITLISTED", answer.path("status"));
                positions.put(member, answer.path("waitlistPosition"));
            }
        }
        assertEquals(capacity, seated.size(), "exactly the capacity seated");
        assertEquals(RACERS - capacity, positions.size());
        // every waitlisted member was told a distinct place, 1..n
        assertEquals(
                IntStream.rangeClosed(1, RACERS - capacity).boxed().toList(),
                positions.values().stream().sorted().toList());

        UUID event = UUID.fromString(eventId);
        assertEquals(
                seated.stream().sorted().toList(),
                members(event, "SEATED").stream().sorted().toList());
        List<UUID> queue = members(event, "WAITLISTED");
        for (int i = 0; i < queue.size(); i++) {
            assertEquals(i + 1, positions.get(queue.get(i)), "the told place is the place in the queue");
        }
        assertTrue(
                fixtures.count(
                                "select max(seq) from event_registration where event_id = ? and status = 'SEATED'",
                                event)
                        < fixtures.count(
                                "select min(seq) from event_registration where event_id = ? and status = 'WAITLISTED'",
                                event),
                "the seats went to the first to register");
        getEvent(MARKETER, eventId)
                .statusCode(200)
                .body("registered", equalTo(capacity))
                .body("waitlisted", equalTo(RACERS - capacity))
                .body("seatsLeft", equalTo(0));

        // every seated member cancels at once: the seats go to the head of the waitlist, in order
        Map<UUID, Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.memberId(), m));
        List<Callable<Integer>> cancels = seated.stream()
                .map(id -> (Callable<Integer>)
                        () -> cancel(byId.get(id).token(), eventId).extract().statusCode())
                .toList();
        assertEquals(seated.stream().map(id -> 204).toList(), Concurrently.run(cancels));
        assertEquals(
                queue.subList(0, capacity).stream().sorted().toList(),
                members(event, "SEATED").stream().sorted().toList());
        assertEquals(queue.subList(capacity, queue.size()), members(event, "WAITLISTED"));
        getEvent(byId.get(queue.get(capacity)).token(), eventId)
                .body("registered", equalTo(capacity))
                .body("waitlisted", equalTo(RACERS - 2 * capacity))
                .body("myRegistration.waitlistPosition", equalTo(1));
    }

    @Test
    void oneMemberRegisteringTenTimesAtOnceGetsOneRegistration() throws Exception {
        CommunityFixtures fixtures = new CommunityFixtures(dataSource);
        String eventId = newEvent(3);
        Member member = fixtures.member();
        List<Callable<Integer>> calls = IntStream.range(0, 10)
                .mapToObj(i -> (Callable<Integer>)
                        () -> register(member.token(), eventId).extract().statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(
                1,
                fixtures.count(
                        "select count(*) from event_registration where event_id = ? and member_id = ?",
                        UUID.fromString(eventId),
                        member.memberId()));
    }

    @Test
    void concurrentCheckInsOfOneMemberCountOnce() throws Exception {
        CommunityFixtures fixtures = new CommunityFixtures(dataSource);
        String eventId = newEvent(3);
        Member member = fixtures.member();
        register(member.token(), eventId).statusCode(201);
        List<Callable<Integer>> calls = IntStream.range(0, 8)
                .mapToObj(i -> (Callable<Integer>)
                        () -> CommunityFixtures.checkIn(CommunityFixtures.STAFF, eventId, member.memberId())
                                .extract()
                                .statusCode())
                .toList();
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(
                1,
                fixtures.count(
                        "select count(*) from contribution where member_id = ? and kind = 'EVENT_ATTENDED'",
                        member.memberId()));
        assertEquals(20, fixtures.count("select score from community_member where member_id = ?", member.memberId()));
    }

    /** The event's members of one status, in registration order. */
    private List<UUID> members(UUID eventId, String status) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select member_id from event_registration where event_id = ? and status = ? order by seq")) {
            s.setObject(1, eventId);
            s.setString(2, status);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
