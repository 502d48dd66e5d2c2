package com.example.loyalty.messaging.probe;

import com.example.loyalty.messaging.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;

/** How a service exposes its parked outbox events: one line. */
@Path("/api/probe/admin/outbox")
public class ProbeOutboxAdmin extends OutboxAdminResource {}
