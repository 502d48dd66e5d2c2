package com.example.loyalty.metrics.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.Segment;
import com.example.loyalty.metrics.repository.RfmRepository;
import com.example.loyalty.metrics.service.RfmService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/rfm")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "RFM",
        description = "Behavioural loyalty per member and currency: recency, frequency and monetary, each scored 1–5 "
                + "by quintile across members (5 best, ties equal), and the named segment of the scores. Recency is "
                + "calendar days (behaviour zone) from the last purchase to the as-of day; frequency and monetary "
                + "count the purchases of the window (default 12 months) ending on it. A score is ceil(5 k / n), k "
                + "the members as good or worse (ties included), n the members ranked: every member for recency, "
                + "those with a purchase in the window for frequency and monetary (the others score F=1, M=1). "
                + "Segment: the first of CHAMPIONS 4–5/4–5/4–5, CANT_LOSE_THEM 1/4–5/4–5, LOYAL 2–5/3–5/3–5, "
                + "AT_RISK 1–2/2–5/2–5, NEW 4–5/1/1, PROMISING 3–4/1/1, POTENTIAL_LOYALIST 3–5/1–3/1–3, "
                + "NEED_ATTENTION 2–3/2–3/2–3, ABOUT_TO_SLEEP 2–3/1–2/1–2, HIBERNATING 1–2/1–2/1–2, LOST 1/1/1, "
                + "else OTHERS (in this order NEED_ATTENTION and LOST are never reached: AT_RISK, "
                + "POTENTIAL_LOYALIST and HIBERNATING come first). Scores are kept for one as-of day per "
                + "currency: the last recompute's (daily, as of yesterday, and on demand).")
public class RfmResource {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TEXT_CSV = "text/csv";
    private static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    private static final String CURRENCY = "^[A-Za-z]{3}$";
    private static final int MAX_SIZE = 1000;

    private final RfmService rfm;

    public RfmResource(RfmService rfm) {
        this.rfm = rfm;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "RFM segments of a currency",
            description = "Members, share and mean R, F, M (and mean recency days, frequency, monetary) of every "
                    + "segment, from the last recompute of the currency. Reads never compute: if asOf is given and "
                    + "is not the day last computed, the answer is 404 naming the day that is; POST "
                    + "/api/metrics/rfm/recompute computes another day.")
    @APIResponse(
            responseCode = "200",
            description = "The segments",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RfmSummaryResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "asOf is not a date, is in the future or before 1970; currency is not an ISO 4217 code",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "The currency has not been computed, or not as of asOf",
            content = @Content(mediaType = PROBLEM_JSON))
    public RfmSummaryResponse summary(
            @Parameter(
                            description = "The day asked for (ISO date); absent: the day last computed",
                            example = "2026-06-30")
                    @QueryParam("asOf")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String asOf,
            @Parameter(description = "ISO 4217 currency; absent: metrics.behaviour.currency", example = "JPY")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be a 3-letter ISO 4217 code")
                    String currency) {
        return RfmSummaryResponse.from(rfm.summary(rfm.currency(currency), rfm.asOf(asOf)));
    }

    @POST
    @Path("/recompute")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Recompute RFM",
            description = "Scores every member with a purchase in the currency up to the end of asOf from "
                    + "member_purchase (one SQL statement, whatever the number of members) and replaces the "
                    + "currency's scores with them; every member whose segment changed, or who is scored for the "
                    + "first time, gets a SegmentChanged event on loyalty-insights (transactional outbox, keyed by "
                    + "member id). Recomputing the same data again changes nothing and announces nothing. Runs "
                    + "daily on its own as of yesterday.")
    @APIResponse(
            responseCode = "200",
            description = "Recomputed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RfmRecomputeResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "asOf is not a date, is in the future or before 1970; currency is not an ISO 4217 code",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    public RfmRecomputeResponse recompute(
            @Parameter(description = "The day to compute as of (ISO date); absent: today", example = "2026-06-30")
                    @QueryParam("asOf")
                    @Pattern(regexp = ISO_DATE, message = "must be an ISO date (yyyy-MM-dd)")
                    String asOf,
            @Parameter(description = "ISO 4217 currency; absent: metrics.behaviour.currency", example = "JPY")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be a 3-letter ISO 4217 code")
                    String currency) {
        String code = rfm.currency(currency);
        LocalDate day = rfm.asOf(asOf);
        return RfmRecomputeResponse.from(rfm.recompute(code, day == null ? rfm.today() : day, "api"));
    }

    @GET
    @Path("/members")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Members with their RFM scores",
            description = "The members of the last recompute of the currency (of one segment if given), in member-id "
                    + "order. As JSON one page at a time; with Accept: text/csv the whole list (page and size are "
                    + "ignored) as CSV with a header line (memberId,segment,r,f,m,recencyDays,frequency,monetary), "
                    + "streamed from a database cursor.")
    @APIResponse(
            responseCode = "200",
            description = "One page (JSON) or every member (CSV)",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RfmMemberPageResponse.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "Unknown segment; currency not an ISO 4217 code; page or size out of range",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "The caller is neither marketer nor admin")
    @APIResponse(
            responseCode = "404",
            description = "The currency has not been computed",
            content = @Content(mediaType = PROBLEM_JSON))
    public Response members(
            @Parameter(
                            description = "Only this segment (case-insensitive, e.g. champions, at_risk, "
                                    + "cant_lose_them); absent: all")
                    @QueryParam("segment")
                    @Size(max = 40, message = "is not a segment")
                    String segment,
            @Parameter(description = "Page index, from 0 (JSON only)")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Pattern(regexp = "^\\d{1,6}$", message = "must be a whole number from 0 to 999999")
                    String page,
            @Parameter(description = "Members per page, 1–1000 (JSON only)")
                    @QueryParam("size")
                    @DefaultValue("100")
                    @Pattern(regexp = "^\\d{1,4}$", message = "must be a whole number from 1 to 1000")
                    String size,
            @Parameter(description = "ISO 4217 currency; absent: metrics.behaviour.currency", example = "JPY")
                    @QueryParam("currency")
                    @Pattern(regexp = CURRENCY, message = "must be a 3-letter ISO 4217 code")
                    String currency,
            @Context HttpHeaders headers) {
        String code = rfm.currency(currency);
        Segment only = segment(segment);
        int pageSize = Integer.parseInt(size);
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw Problems.badRequest(
                    "invalid-page", "Bad request", "size must be from 1 to " + MAX_SIZE + ", was " + pageSize);
        }
        if (wantsCsv(headers)) {
            return csv(code, only);
        }
        RfmService.MemberPage members = rfm.members(code, only, Integer.parseInt(page), pageSize);
        return Response.ok(RfmMemberPageResponse.from(members), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private Response csv(String currency, Segment segment) {
        RfmRepository.Run run = rfm.exportable(currency);
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("memberId,segment,r,f,m,recencyDays,frequency,monetary\n");
            StringBuilder line = new StringBuilder(96);
            rfm.export(currency, segment, row -> {
                line.setLength(0);
                line.append(row.memberId())
                        .append(',')
                        .append(row.segment().name())
                        .append(',')
                        .append(row.r())
                        .append(',')
                        .append(row.f())
                        .append(',')
                        .append(row.m())
                        .append(',')
                        .append(row.recencyDays())
                        .append(',')
                        .append(row.frequency())
                        .append(',')
                        .append(row.monetary())
                        .append('\n');
                w.append(line);
            });
            w.flush();
        };
        String file = "rfm-" + currency + "-" + run.asOf() + (segment == null ? "" : "-" + segment.wireName()) + ".csv";
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    /** CSV when the client prefers it: the first acceptable type that is JSON or CSV decides; JSON otherwise. */
    private static boolean wantsCsv(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf(TEXT_CSV);
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(csv)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static Segment segment(String name) {
        if (name == null) {
            return null;
        }
        Segment s = Segment.parse(name);
        if (s == null) {
            throw Problems.badRequest(
                    "invalid-segment",
                    "Bad request",
                    "segment must be one of " + Segment.wireNames() + " (in any case), was " + name);
        }
        return s;
    }
}
