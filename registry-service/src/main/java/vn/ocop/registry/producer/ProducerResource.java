package vn.ocop.registry.producer;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/producers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Producers", description = "Producers (chủ thể OCOP): cooperatives, enterprises, farms, households")
@SecurityRequirement(name = "bearer")
public class ProducerResource {

    @Inject
    ProducerService producers;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(operationId = "registerProducer", summary = "Register a producer in the caller's province")
    @APIResponse(responseCode = "201", description = "Registered; Location names it, ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerView.class)))
    public Response register(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                             @NotNull @Valid ProducerRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/producers", request, () -> {
            ProducerView created = producers.register(request);
            return Response.created(URI.create("/api/v1/producers/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version()))
                    .entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getProducer", summary = "Get a producer (returns its ETag for updates)")
    @APIResponse(responseCode = "200", description = "The producer; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerView.class)))
    public Response get(@PathParam("id") UUID id) {
        ProducerView view = producers.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.PRODUCER})
    @Operation(operationId = "updateProducer", summary = "Update a producer; requires If-Match with the ETag of the last read")
    @APIResponse(responseCode = "200", description = "Updated; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull @Valid ProducerRequest request) {
        ProducerView view = producers.update(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listProducers", summary = "List producers visible to the caller")
    public Page<ProducerView> list(@QueryParam("province") String province,
                                   @QueryParam("kind") @Parameter(description = "Producer kind, e.g. COOPERATIVE") String kind,
                                   @QueryParam("q") @Parameter(description = "Part of the name") String nameContains,
                                   @BeanParam PageRequest page) {
        return producers.list(province, QueryParams.enumValue(ProducerKind.class, "kind", kind), nameContains, page);
    }
}
