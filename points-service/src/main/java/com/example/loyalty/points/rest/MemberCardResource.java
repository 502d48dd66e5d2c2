package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.service.MemberCardService;
import com.example.loyalty.points.service.QrCodes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's digital card: what it shows, its QR code for the till, and the choice of its design. */
@Path("/api/points/members")
@Authenticated
@Tag(name = "Members", description = "Enrolment, the member's own account and look-ups at the till")
public class MemberCardResource {

    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    /** A day in private caches only (the member's browser or app), per login: the code changes never. */
    static final int CACHE_SECONDS = 86400;

    private final MemberCardService cards;
    private final SecurityIdentity identity;
    private final PointsConfig.Card.Qr qr;

    public MemberCardResource(MemberCardService cards, SecurityIdentity identity, PointsConfig config) {
        this.cards = cards;
        this.identity = identity;
        this.qr = config.card().qr();
    }

    @APIResponse(
            responseCode = "200",
            description = "The card",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberCardResponse.class)))
    @GET
    @Path("/me/card")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's digital card",
            description = "Card code, display name, tier and the design the card is drawn in (the member's choice, "
                    + "or the default when none was chosen or the choice was retired).")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public MemberCardResponse card() {
        return MemberCardResponse.from(cards.card(subject()));
    }

    @PUT
    @Path("/me/card")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Choose the card's design", description = "One of the active designs of the catalogue.")
    @APIResponse(responseCode = "200", description = "The card in its new design")
    @APIResponse(responseCode = "400", description = "designId missing or not an id")
    @APIResponse(responseCode = "404", description = "No such design, or the caller is not enrolled")
    @APIResponse(responseCode = "422", description = "The design is retired")
    public MemberCardResponse choose(@Valid @NotNull ChooseCardDesignRequest request) {
        return MemberCardResponse.from(cards.choose(subject(), request.designId()));
    }

    @GET
    @Path("/me/card.png")
    @Produces(PNG)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's card code as a QR code (PNG)",
            description = "Black on white with a quiet zone of 4 modules, whole pixels per module, for a phone "
                    + "camera or a till's scanner. Cached privately (per login) for a day; ETag for revalidation.")
    @APIResponse(
            responseCode = "200",
            description = "The QR code",
            content = @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public Response png(@Context Request request) {
        String code = cards.cardCode(subject());
        return image(request, code, "png", PNG, () -> QrCodes.png(code, qr.modulePixels(), qr.quietZone()));
    }

    @GET
    @Path("/me/card.svg")
    @Produces(SVG)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's card code as a QR code (SVG)",
            description = "One user unit per module, quiet zone included, crisp edges; scales to any size. Cached "
                    + "privately (per login) for a day; ETag for revalidation.")
    @APIResponse(
            responseCode = "200",
            description = "The QR code",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public Response svg(@Context Request request) {
        String code = cards.cardCode(subject());
        return image(
                request,
                code,
                "svg",
                SVG,
                () -> QrCodes.svg(code, qr.modulePixels(), qr.quietZone()).getBytes(StandardCharsets.UTF_8));
    }

    private Response image(Request request, String code, String format, String type, Supplier<byte[]> render) {
        EntityTag tag = new EntityTag(fingerprint(
                code + "|" + format + "|" + qr.modulePixels() + "|" + qr.quietZone() + "|" + QrCodes.ERROR_CORRECTION));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(render.get(), type);
        return answer.tag(tag)
                .cacheControl(privateCache())
                // the address is the same for every member: a browser shared by two logins must not mix them up
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .header("X-Content-Type-Options", "nosniff")
                // an SVG is a document a browser may open: it may load and run nothing
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .build();
    }

    private static CacheControl privateCache() {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoTransform(true);
        cache.setMaxAge(CACHE_SECONDS);
        return cache;
    }

    /** Names the image without telling the card code (an ETag may be logged where the code should not be). */
    static String fingerprint(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
