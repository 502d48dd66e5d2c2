package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.ImportKind;
import com.example.loyalty.points.service.ImportService;
import com.example.loyalty.points.service.ImportView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/points/imports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Imports",
        description = "History imports: members and purchases from the system a brand used before, as CSV files")
public class ImportResource {

    static final String TEXT_CSV = "text/csv";

    private static final String DESCRIPTION = "A CSV file with a header row (UTF-8, comma separated, columns by name "
            + "in any order). kind=members: externalId (required), displayName, email, phone, enrolledAt. "
            + "kind=purchases: externalMemberId or cardCode (one per row), transactionId, amount (a decimal in the "
            + "currency's major units, e.g. 29.33 USD, never more decimals than the currency has), currency (ISO 4217), "
            + "occurredAt, storeId, channel (STORE, ONLINE, APP). Times are ISO instants (2026-01-02T03:04:05Z), ISO "
            + "local date-times or dates (2026-01-02, 20260102) in the program's zone (points.zone), none before "
            + "points.purchases.earliest (1970) or in the future. "
            + "award=false (default) records purchases as history: no points, balance, tier and rolling spend "
            + "untouched, events flagged history, any age. award=true earns as the till does, exactly once per storeId "
            + "and transactionId, with the till's guards (points.purchases.max-age, the ceiling "
            + "points.purchases.max-amount.<currency>: the import approves nothing above it); a purchase in a currency "
            + "without an earn rate is recorded as history even then. Importing the same file again changes nothing "
            + "(members by externalId, purchases by storeId and transactionId). "
            + "Bad rows are rejected with their line; the good rows go in. Answers 202 at once with the import's "
            + "id; GET the Location for its progress.";

    private final ImportService imports;
    private final SecurityIdentity identity;

    public ImportResource(ImportService imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    @POST
    @Consumes({TEXT_CSV, "application/csv"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a CSV file (the request body)", description = DESCRIPTION)
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "application/csv", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location names the import, whose status grows as " + "rows go in",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "kind or award missing or unknown, empty body, malformed CSV")
    @APIResponse(responseCode = "413", description = "The file is larger than points.imports.max-bytes")
    @APIResponse(responseCode = "415", description = "Neither text/csv nor multipart/form-data")
    @APIResponse(responseCode = "422", description = "The header row lacks required columns or has unknown ones")
    @APIResponse(responseCode = "503", description = "Too many imports running or waiting")
    public Response importBody(
            @Parameter(description = "members or purchases", required = true) @QueryParam("kind") String kind,
            @Parameter(description = "true: purchases earn points as at the till; false (default): history only")
                    @QueryParam("award")
                    String award,
            InputStream body) {
        ImportKind importKind = kind(kind);
        boolean awarded = award(award);
        return accepted(
                imports.start(importKind, awarded, body != null ? body : InputStream.nullInputStream(), caller()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a CSV file (one file part of a form)", description = DESCRIPTION)
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location names the import",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "kind or award missing or unknown, no file part or more than " + "one, empty file, malformed CSV")
    @APIResponse(responseCode = "422", description = "The header row lacks required columns or has unknown ones")
    @APIResponse(responseCode = "503", description = "Too many imports running or waiting")
    public Response importForm(
            @Parameter(description = "members or purchases", required = true) @QueryParam("kind") String kind,
            @Parameter(description = "true: purchases earn points as at the till; false (default): history only")
                    @QueryParam("award")
                    String award,
            @RestForm(FileUpload.ALL) List<FileUpload> files) {
        ImportKind importKind = kind(kind);
        boolean awarded = award(award);
        if (files == null || files.size() != 1) {
            throw Problems.badRequest(
                    "invalid-import-form",
                    "Invalid form",
                    "the form must hold exactly one file part (the CSV file), it holds "
                            + (files == null ? 0 : files.size()));
        }
        try (InputStream in = Files.newInputStream(files.get(0).uploadedFile())) {
            return accepted(imports.start(importKind, awarded, in, caller()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @APIResponse(
            responseCode = "200",
            description = "The import and its progress",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResponse.class)))
    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "An import and its progress",
            description = "rowsTotal, rowsDone and rowsRejected grow with every committed batch while the status is "
                    + "RUNNING; errors lists the first rejected rows by line.")
    @APIResponse(responseCode = "404", description = "No such import")
    public ImportResponse status(@PathParam("id") UUID id) {
        return ImportResponse.from(imports.status(id));
    }

    private static Response accepted(ImportView view) {
        return Response.accepted(ImportResponse.from(view))
                .location(URI.create("/api/points/imports/" + view.id()))
                .build();
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private static ImportKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw Problems.badRequest(
                    "invalid-import-kind",
                    "Import kind missing",
                    "give the query parameter kind=members or kind=purchases");
        }
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "members" -> ImportKind.MEMBERS;
            case "purchases" -> ImportKind.PURCHASES;
            default ->
                throw Problems.badRequest(
                        "invalid-import-kind",
                        "Unknown import kind",
                        "kind must be members or purchases, was " + shorten(kind));
        };
    }

    private static boolean award(String award) {
        if (award == null || award.isBlank()) {
            return false;
        }
        return switch (award.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw Problems.badRequest(
                        "invalid-award", "Invalid award", "award must be true or false, was " + shorten(award));
        };
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
