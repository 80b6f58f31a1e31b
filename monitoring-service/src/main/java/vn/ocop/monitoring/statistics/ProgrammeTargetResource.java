package vn.ocop.monitoring.statistics;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/programme-targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programme targets", description = "Versioned programme targets (chỉ tiêu) the statistics report progress against")
public class ProgrammeTargetResource {

    private static final String VERSION_EXAMPLE = """
            {"id":"9190a000-0000-4000-8000-000000000919","instrument":"QĐ 919/QĐ-TTg",
             "title":"Chương trình Mỗi xã một sản phẩm giai đoạn 2021–2025: targets for 2025","effectiveFrom":"2022-08-01",
             "effectiveTo":null,"targets":{"PRODUCTS_3_STAR":{"value":10000,"upperValue":null},
             "PRODUCTS_5_STAR":{"value":400,"upperValue":500},"COOPERATIVE_SHARE":{"value":0.4,"upperValue":null},
             "SME_SHARE":{"value":0.3,"upperValue":null},"MODERN_CHANNEL_SHARE":{"value":0.5,"upperValue":null},
             "POINT_OF_SALE_PER_PROVINCE":{"value":1,"upperValue":null}}}""";

    @Inject
    ProgrammeTargets targets;

    @Inject
    Idempotency idempotency;

    @Inject
    LegalClock clock;

    @GET
    @PermitAll
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "listTargetVersions", summary = "Every programme target version, oldest first (public)")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "qd919", value = "[" + VERSION_EXAMPLE + "]")))
    public List<ProgrammeTargets.Version> list() {
        return targets.list();
    }

    @GET
    @Path("/in-force")
    @PermitAll
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "getTargetVersionInForce", summary = "The target version in force on a date (public); 404 when none is")
    @APIResponse(responseCode = "200", description = "The version in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "qd919", value = VERSION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No target version is in force on that date")
    public ProgrammeTargets.Version inForce(
            @QueryParam("on") @Parameter(description = "yyyy-MM-dd; today in Vietnam when absent", example = "2025-12-31") String on) {
        LocalDate day = QueryParams.dateValue("on", on);
        LocalDate date = day == null ? clock.today() : day;
        return targets.inForce(date).orElseThrow(() -> ApiException.notFound("Target version in force on", date));
    }

    @POST
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "addTargetVersion",
            summary = "Add the targets of a new instrument from a date; the previous open-ended version ends the day before")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "newProgramme", value = """
            {"instrument":"QĐ 123/QĐ-TTg","title":"Chương trình OCOP giai đoạn 2026–2030","effectiveFrom":"2026-09-01",
             "targets":{"PRODUCTS_3_STAR":{"value":20000},"PRODUCTS_5_STAR":{"value":600,"upperValue":800},
             "COOPERATIVE_SHARE":{"value":0.4},"SME_SHARE":{"value":0.3},"MODERN_CHANNEL_SHARE":{"value":0.6},
             "POINT_OF_SALE_PER_PROVINCE":{"value":1}}}""")))
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "qd919", value = VERSION_EXAMPLE)))
    public Response add(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                        @NotNull ProgrammeTargets.VersionRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/programme-targets", request, () -> {
            ProgrammeTargets.Version created = targets.add(request);
            return Response.created(URI.create("/api/v1/programme-targets/in-force?on=" + created.effectiveFrom()))
                    .entity(created).build();
        });
    }
}
