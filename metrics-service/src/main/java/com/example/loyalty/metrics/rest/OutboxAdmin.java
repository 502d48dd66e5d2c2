package com.example.loyalty.metrics.rest;

import com.example.loyalty.messaging.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;

/** The admin's view of metrics-service's parked outbox events (see {@link OutboxAdminResource}). */
@Path("/api/metrics/admin/outbox")
public class OutboxAdmin extends OutboxAdminResource {}
