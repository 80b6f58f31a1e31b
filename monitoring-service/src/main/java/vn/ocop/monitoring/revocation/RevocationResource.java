package vn.ocop.monitoring.revocation;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/revocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Revocations", description = "Revocation decisions (thu hồi): 3–4★ by the province, 5★ by the ministry")
@SecurityRequirement(name = "bearer")
public class RevocationResource {

    @Inject
    RevocationService revocations;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "Only the authority that issued the certificate revokes it: another answers 403 OUT_OF_AUTHORITY.")
    @Operation(operationId = "recordRevocation", summary = "Record a revocation decision naming one or more certificates; all are revoked or none")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevocationView.class)))
    public Response revoke(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @NotNull RevocationRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/revocations", request, () -> {
            RevocationView view = revocations.revoke(request);
            return Response.created(URI.create("/api/v1/revocations/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(value = ScopeRule.Kind.PUBLIC, detail = "A revocation decision (quyết định thu hồi) is a published "
            + "administrative act: the decisions of every province and of the ministry are read whatever the province of the token.")
    @Operation(operationId = "getRevocation", summary = "Get a revocation decision")
    public RevocationView get(@PathParam("id") UUID id) {
        return revocations.get(id);
    }

    @GET
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(value = ScopeRule.Kind.PUBLIC, detail = "Revocation decisions are published acts: the list holds those of "
            + "every authority, or of the one named by `authority`, whatever the province of the token.")
    @Operation(operationId = "listRevocations", summary = "List revocation decisions, newest first")
    public Page<RevocationView> list(
            @QueryParam("authority") @Parameter(description = "Only the decisions of this authority: a 2-digit province code, "
                    + "or CENTRAL (the ministry); absent: all",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^(\\d{2}|CENTRAL)$"))
            String authority,
            @QueryParam("late") @Parameter(description = "true: only decisions taken after their 15-day deadline") String late,
            @BeanParam PageRequest page) {
        if (authority != null && !authority.matches("\\d{2}|CENTRAL")) {
            throw ApiException.invalidField("authority", "must be a 2-digit province code or CENTRAL");
        }
        return revocations.list(authority, QueryParams.booleanValue("late", late), page);
    }
}
