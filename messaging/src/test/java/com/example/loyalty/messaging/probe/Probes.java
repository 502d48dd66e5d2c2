package com.example.loyalty.messaging.probe;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Test helpers around the probe application. */
public final class Probes {

    private Probes() {}

    /** A ProbeEvent carrying {@code n}. */
    public static EventEnvelope event(int n) {
        return EventJson.envelope(ProbeConsumer.TYPE, 1, Instant.now(), "m-" + n, Map.of("n", n));
    }

    /** Sends a ProbeEvent to the probe consumer's topic; returns its event id. */
    public static UUID send(int n) {
        return send(event(n));
    }

    public static UUID send(EventEnvelope event) {
        TestKafka.send(ProbeConsumer.CHANNEL, event.memberId(), EventJson.write(event));
        return event.eventId();
    }

    /** How often the event was applied. */
    public static int applications(AgroalDataSource db, UUID eventId) {
        return count(db, "select count(*) from probe_effect where event_id = '" + eventId + "'");
    }

    public static int count(AgroalDataSource db, String sql) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
