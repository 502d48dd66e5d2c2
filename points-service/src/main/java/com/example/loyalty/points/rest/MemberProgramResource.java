package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.BirthdayService;
import com.example.loyalty.points.service.ReferralService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a member gives for the action points: their birthday, and the referral code they hand out. */
@Path("/api/points/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Members", description = "Enrolment, the member's own account and look-ups at the till")
public class MemberProgramResource {

    private final BirthdayService birthdays;
    private final ReferralService referrals;
    private final SecurityIdentity identity;

    public MemberProgramResource(BirthdayService birthdays, ReferralService referrals, SecurityIdentity identity) {
        this.birthdays = birthdays;
        this.referrals = referrals;
        this.identity = identity;
    }

    @PUT
    @Path("/me/birthday")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Give the caller's birthday, once",
            description = "The birthday earns the BIRTHDAY action's points on the day, once a year. A member gives it "
                    + "once; the same date again answers 200, another date is a 409: staff correct it.")
    @APIResponse(responseCode = "200", description = "The member's account, with the birthday")
    @APIResponse(responseCode = "404", description = "The caller is not enrolled")
    @APIResponse(responseCode = "409", description = "The birthday is set already, to another date")
    @APIResponse(responseCode = "422", description = "A date in the future or before 1900")
    public MemberResponse setMyBirthday(@Valid @NotNull BirthdayRequest body) {
        return MemberResponse.from(birthdays.setOwn(subject(), body.birthday()));
    }

    @PUT
    @Path("/{id}/birthday")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Correct a member's birthday",
            description = "Staff or an admin set or correct the birthday, with a reason; recorded in the audit log "
                    + "(BIRTHDAY_CHANGED). The birthday award stays once per member and year.")
    @APIResponse(responseCode = "200", description = "The member's account, with the birthday")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "422", description = "A date in the future or before 1900")
    public MemberResponse changeBirthday(@PathParam("id") UUID id, @Valid @NotNull BirthdayRequest body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw Problems.badRequest("reason-required", "Reason required", "say why the birthday changes");
        }
        return MemberResponse.from(birthdays.change(id, body.birthday(), subject(), body.reason()));
    }

    @GET
    @Path("/me/referral")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's referral code",
            description = "The code to hand out (made on first asking, then always the same), how many members "
                    + "enrolled with it and how many of them made their first purchase.")
    @APIResponse(responseCode = "200", description = "The code and counts")
    @APIResponse(responseCode = "404", description = "The caller is not enrolled")
    public ReferralResponse myReferral() {
        return ReferralResponse.from(referrals.mine(subject()));
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
