package vn.ocop.market.channel;

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
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Channels", description = "Sales channels: e-commerce platforms and retail chains")
@SecurityRequirement(name = "bearer")
public class ChannelResource {

    @Inject
    ChannelService channels;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "registerChannel", summary = "Register a sales channel")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    public Response register(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key,
                             @NotNull @Valid ChannelRequest request) {
        return idempotency.execute(key, "POST /api/v1/channels", request, () -> {
            ChannelView created = channels.register(request);
            return Response.created(URI.create("/api/v1/channels/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version())).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.PUBLIC, detail = "The webhook URL is shown only to central officers and the channel's operator.")
    @Operation(operationId = "getChannel", summary = "Get a sales channel (returns its ETag)")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    public Response get(@PathParam("id") UUID id) {
        ChannelView view = channels.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.CHANNEL_OPERATOR})
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A channel operator changes only its own channel.")
    @Operation(operationId = "updateChannel", summary = "Update a sales channel; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull @Valid ChannelRequest request) {
        ChannelView view = channels.update(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.PUBLIC, detail = "The webhook URL is shown only to central officers and the channel's operator.")
    @Operation(operationId = "listChannels", summary = "List sales channels")
    public Page<ChannelView> list(@QueryParam("kind") @Parameter(schema = @Schema(implementation = ChannelKind.class), description = "ECOMMERCE_PLATFORM or RETAIL_CHAIN") String kind,
                                  @BeanParam PageRequest page) {
        return channels.list(QueryParams.enumValue(ChannelKind.class, "kind", kind), page);
    }
}
