package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.BirthdayJob;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/admin/birthdays")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Action rules")
public class BirthdayJobResource {

    private final BirthdayJob runs;
    private final SecurityIdentity identity;

    public BirthdayJobResource(BirthdayJob runs, SecurityIdentity identity) {
        this.runs = runs;
        this.identity = identity;
    }

    @Schema(description = "What a birthday run did")
    public record RunResponse(
            @Schema(description = "The day it credited (points.zone)")
            LocalDate day,

            @Schema(description = "Members credited") int members,
            @Schema(description = "Points credited") long points) {}

    @POST
    @Path("/run")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Run the birthday job now",
            description = "Credits today's birthdays (points.zone) that are not credited yet, as the scheduled job "
                    + "does: once per member and year, so running it again credits nobody twice. Recorded in the "
                    + "audit log (BIRTHDAYS_AWARDED).")
    public RunResponse run() {
        BirthdayJob.Run run = runs.runNow(identity.getPrincipal().getName());
        return new RunResponse(run.day(), run.members(), run.points());
    }
}
