package com.example.loyalty.community.rest;

import com.example.loyalty.messaging.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;

/** The admin's view of community-service's parked outbox events (see {@link OutboxAdminResource}). */
@Path("/api/community/admin/outbox")
public class OutboxAdmin extends OutboxAdminResource {}
