package vn.ocop.registry.producer;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.MergePatch;
import vn.ocop.platform.web.QueryParams;
import vn.ocop.platform.web.ValidateAfterScope;

@Path("/api/v1/producers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Producers", description = "Producers (chủ thể OCOP): cooperatives, enterprises, farms, households")
@SecurityRequirement(name = "bearer")
public class ProducerResource {

    @Inject
    ProducerService producers;

    /** Who may correct what, for the operations' descriptions. */
    static final String CORRECTION_RULES = "A producer corrects its own record but not its tax code (403 TAX_CODE_CHANGE_FORBIDDEN) "
            + "or its province or commune (403 AREA_CHANGE_FORBIDDEN); an officer of its province (or a central officer) may, "
            + "giving a reason (422 REASON_REQUIRED without one). Roles: producer (own record), province-officer (own province), "
            + "central-officer. 428 without If-Match, 412 when it is stale.";

    @Inject
    Idempotency idempotency;

    @Inject
    CurrentUser user;

    @Inject
    MergePatch mergePatch;

    /** Bodies are validated after the scope check, so a 400 tells an outsider nothing about the record. */
    @Inject
    ValidateAfterScope validate;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "registerProducer", summary = "Register a producer in the caller's province")
    @APIResponse(responseCode = "201", description = "Registered; Location names it, ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerView.class)))
    public Response register(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                             @NotNull ProducerRequest request) {
        producers.requireMayRegister(request, user.asActor());
        validate.check(request);
        return idempotency.execute(idempotencyKey, "POST /api/v1/producers", request, () -> {
            ProducerView created = producers.register(request, null, user.asActor()).view();
            return Response.created(URI.create("/api/v1/producers/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version()))
                    .entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A producer reads only itself, provincial roles their province; council members and channel operators read all.")
    @Operation(operationId = "getProducer", summary = "Get a producer (returns its ETag for updates)")
    @APIResponse(responseCode = "200", description = "The producer; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerView.class)))
    public Response get(@PathParam("id") UUID id) {
        return answer(producers.read(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "updateProducer", summary = "Correct a producer; requires If-Match with the ETag of the last read",
            description = CORRECTION_RULES)
    @APIResponse(responseCode = "200", description = "Corrected (or unchanged: a write that changes nothing keeps the version "
            + "and ETag and publishes nothing); ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull ProducerRequest request) {
        Etag.IfMatch expected = Etag.ifMatch(ifMatch);
        producers.requireWritable(id, user.asActor());
        validate.check(request);
        return answer(producers.update(id, request, expected, user.asActor(), request.reason()).view());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER})
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "patchProducer", summary = "Correct some fields of a producer (JSON Merge Patch); requires If-Match",
            description = "Send only the fields to change (RFC 7386; null clears an optional field), and reason where needed. "
                    + CORRECTION_RULES)
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the fields of ProducerRequest (RFC 7386: \"null\" clears an optional field), with a reason where needed"),
            examples = @ExampleObject(name = "taxCode", summary = "An officer corrects a tax code, saying why",
                    value = "{\"taxCode\": \"4300812346\", \"reason\": \"Sai mã số thuế khi nhập hồ sơ\"}")))
    @APIResponse(responseCode = "200", description = "Corrected or unchanged; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerView.class)))
    public Response patch(@PathParam("id") UUID id,
                          @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                          byte[] patch) throws IOException {
        Etag.IfMatch expected = Etag.ifMatch(ifMatch);
        producers.requireWritable(id, user.asActor());
        ProducerRequest request = mergePatch.apply(ProducerRequest.of(producers.get(id)), patch, ProducerRequest.class);
        return answer(producers.update(id, request, expected, user.asActor(), request.reason()).view());
    }

    private static Response answer(ProducerView view) {
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A producer sees only itself, provincial roles their province.")
    @Operation(operationId = "listProducers", summary = "List producers visible to the caller")
    public Page<ProducerView> list(@QueryParam("province") String province,
                                   @QueryParam("kind") @Parameter(schema = @Schema(implementation = ProducerKind.class), description = "Producer kind, e.g. COOPERATIVE") String kind,
                                   @QueryParam("q") @Parameter(description = "Part of the name") String nameContains,
                                   @BeanParam PageRequest page) {
        return producers.list(province, QueryParams.enumValue(ProducerKind.class, "kind", kind), nameContains, page);
    }
}
