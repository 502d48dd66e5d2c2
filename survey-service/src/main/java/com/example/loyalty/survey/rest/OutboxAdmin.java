package com.example.loyalty.survey.rest;

import com.example.loyalty.messaging.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;

/**
 * The admin's view of survey-service's parked outbox events (see {@link OutboxAdminResource}). Its literal path is
 * longer than {@link SurveyResource}'s {@code /api/surveys/{id}}, so JAX-RS matches it first.
 */
@Path("/api/surveys/admin/outbox")
public class OutboxAdmin extends OutboxAdminResource {}
