package com.example.loyalty.messaging.probe;

import com.example.loyalty.messaging.outbox.OutboxWriter;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Map;

/**
 * A request that writes an event the way a service's requests do: in its transaction, through the outbox. The event is
 * a ProbeEvent for {@link ProbeConsumer}'s topic, so one request goes through the outbox, the relay and Kafka to the
 * probe's own consumer.
 */
@Path("/api/probe/events")
@PermitAll
public class ProbeResource {

    private final OutboxWriter writer;

    public ProbeResource(OutboxWriter writer) {
        this.writer = writer;
    }

    /** Writes a ProbeEvent carrying {@code n} for {@code member}; answers its event id. */
    @POST
    @Transactional
    public String write(@QueryParam("member") String member, @QueryParam("n") int n) {
        return writer.write(ProbeConsumer.CHANNEL, ProbeConsumer.TYPE, 1, member, Map.of("n", n))
                .toString();
    }
}
