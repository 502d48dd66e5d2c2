package com.example.loyalty.points.rest;

import com.example.loyalty.messaging.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;

/** The admin's view of points-service's parked outbox events (see {@link OutboxAdminResource}). */
@Path("/api/points/admin/outbox")
public class OutboxAdmin extends OutboxAdminResource {}
