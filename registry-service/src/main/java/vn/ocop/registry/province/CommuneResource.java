package vn.ocop.registry.province;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;

/** Loading the commune list (central OCOP office): a JSON array, NDJSON or CSV of code, name, kind, provinceCode. */
@Path("/api/v1/communes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative units")
@SecurityRequirement(name = "bearer")
public class CommuneResource {

    @Inject
    CommuneService communes;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, Rows.NDJSON, Rows.CSV})
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @BodyLimit(value = "ocop.registry.imports.max-bytes", code = "PAYLOAD_TOO_LARGE")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: the file is over 8 MiB (ocop.registry.imports.max-bytes), declared or chunked; nothing is applied")
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "loadCommunes", summary = "Insert or update communes by code; all rows or none")
    @APIResponse(responseCode = "200", description = "All rows applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommuneService.LoadResult.class)))
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CommuneRequest.class), example = """
                    [{"code": "21548", "name": "Đặc khu Lý Sơn", "kind": "SPECIAL_ZONE", "provinceCode": "51"}]"""),
            @Content(mediaType = Rows.NDJSON, example = """
                    {"code": "21548", "name": "Đặc khu Lý Sơn", "kind": "đặc khu", "provinceCode": "51"}"""),
            @Content(mediaType = Rows.CSV, examples = @ExampleObject(name = "csv", value = """
                    code,name,kind,provinceCode
                    21548,Đặc khu Lý Sơn,SPECIAL_ZONE,51"""))})
    public Response load(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         String body) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/communes " + contentType, body,
                () -> Response.ok(communes.load(contentType, body)).build());
    }
}
