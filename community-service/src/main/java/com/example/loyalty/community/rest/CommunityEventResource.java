package com.example.loyalty.community.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Paging;
import com.example.loyalty.common.web.ValidationProblem;
import com.example.loyalty.community.domain.RegistrationStatus;
import com.example.loyalty.community.repository.EventRegistrationRepository.Counts;
import com.example.loyalty.community.service.CommunityEvents;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/community/events")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Community events",
        description = "Events with a capacity and a waitlist: marketers create them, members register, staff check in")
public class CommunityEventResource {

    private final CommunityEvents events;

    public CommunityEventResource(CommunityEvents events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Create an event",
            description = "Title, start (in the future), capacity; optionally a description, an end, where (online or "
                    + "a store) and the registration window (by default from now until the event starts).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the event",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "A required field is missing or malformed")
    @APIResponse(
            responseCode = "422",
            description = "Inconsistent times or location; `errors` lists them",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ValidationProblem.class)))
    public Response createEvent(@NotNull @Valid EventRequest request) {
        var event = events.create(request.toInput());
        return Response.created(URI.create("/api/community/events/" + event.id))
                .entity(EventResponse.from(new CommunityEvents.EventView(event, Counts.NONE, null)))
                .build();
    }

    @GET
    @Operation(
            summary = "Upcoming events",
            description = "Events not over yet, soonest first, paged; a member sees their own registration on each.")
    @APIResponse(
            responseCode = "200",
            description = "A page of upcoming events",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad paging")
    public EventPageResponse listEvents(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return EventPageResponse.from(events.upcoming(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "An event",
            description = "With seats taken (`registered`), the waitlist's length and the caller's registration.")
    @APIResponse(
            responseCode = "200",
            description = "The event",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public EventResponse getEvent(@PathParam("id") UUID id) {
        return EventResponse.from(events.get(id));
    }

    @POST
    @Path("/{id}/registrations")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Register for an event",
            description = "The caller gets a seat while one is free, else a place on the waitlist; seats freed by "
                    + "cancellations go to the waitlist in registration order. Seats are never overbooked.")
    @APIResponse(
            responseCode = "201",
            description = "Seated",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(
            responseCode = "202",
            description = "Waitlisted; `waitlistPosition` is the place in the queue",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = "The member is banned (problem `banned`)")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(
            responseCode = "409",
            description = "Registered already, registration not open yet or closed, or membership not known yet")
    public Response register(@PathParam("id") UUID id) {
        CommunityEvents.MyRegistration registration = events.register(id);
        var body = RegistrationResponse.from(id, registration);
        if (registration.status() == RegistrationStatus.SEATED) {
            return Response.created(URI.create("/api/community/events/" + id + "/registrations/me"))
                    .entity(body)
                    .build();
        }
        return Response.accepted(body).build();
    }

    @DELETE
    @Path("/{id}/registrations/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Cancel my registration",
            description = "Before the event starts. A seat it held goes to the first member on the waitlist.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such event, or the caller is not registered")
    @APIResponse(responseCode = "409", description = "The event started, or the caller was checked in")
    public void cancelRegistration(@PathParam("id") UUID id) {
        events.cancel(id);
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Check a member in",
            description = "Records a seated member's attendance, once, from 2 hours before the start until a day after "
                    + "the event (community.events.*), and an EVENT_ATTENDED contribution (score, and an EventAttended "
                    + "event on community-activity for points).")
    @APIResponse(
            responseCode = "201",
            description = "Checked in",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttendanceResponse.class)))
    @APIResponse(responseCode = "400", description = "No member id")
    @APIResponse(responseCode = "404", description = "No such event, or the member is not registered for it")
    @APIResponse(
            responseCode = "409",
            description = "Checked in already, waitlisted, banned, or outside the check-in window")
    public Response checkIn(@PathParam("id") UUID id, @NotNull @Valid AttendanceRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(AttendanceResponse.from(events.checkIn(id, request.memberId())))
                .build();
    }
}
