package vn.ocop.evaluation.scoresheet;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/sessions/{sessionId}/scoresheets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Score sheets", description = "Members' score sheets (phiếu đánh giá); the server computes every total")
@SecurityRequirement(name = "bearer")
public class ScoreSheetResource {

    @Inject
    ScoreSheetService sheets;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.COUNCIL_MEMBER)
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Only members of the session's council.")
    @Operation(operationId = "submitScoreSheet", summary = "Submit (or amend, with a reason) your sheet for a product")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreSheetView.class)))
    public Response submit(@PathParam("sessionId") UUID sessionId,
                           @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @NotNull ScoreSheetRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/sessions/" + sessionId + "/scoresheets", request, () -> {
            ScoreSheetView sheet = sheets.submit(sessionId, request);
            return Response.created(URI.create("/api/v1/sessions/" + sessionId + "/scoresheets?productId=" + sheet.productId()))
                    .entity(sheet).build();
        });
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A member sees the others' sheets only once the product is closed.")
    @Operation(operationId = "listScoreSheets", summary = "List a session's sheets, all revisions")
    public Page<ScoreSheetView> list(@PathParam("sessionId") UUID sessionId, @QueryParam("productId") String productId,
                                     @BeanParam PageRequest page) {
        UUID product = QueryParams.uuidValue("productId", productId);
        return sheets.list(sessionId, product, page);
    }

    @GET
    @Path("/integrity")
    @RolesAllowed({Roles.AUDITOR, Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "getScoreIntegrity", summary = "Per-criterion spread, deviating members and amended sheets of one product")
    public ScoreIntegrity integrity(@PathParam("sessionId") UUID sessionId,
                                    @QueryParam("productId") @Parameter(description = "The product (required)") String productId,
                                    @QueryParam("deviation") @Parameter(description = "Points from the mean that count as deviating (default 10)") String deviation) {
        if (productId == null || productId.isBlank()) {
            throw ApiException.invalidField("productId", "is required");
        }
        UUID product = QueryParams.uuidValue("productId", productId);
        Integer threshold = QueryParams.intValue("deviation", deviation, 0, 100);
        return sheets.integrity(sessionId, product, java.math.BigDecimal.valueOf(threshold == null ? 10 : threshold));
    }
}
