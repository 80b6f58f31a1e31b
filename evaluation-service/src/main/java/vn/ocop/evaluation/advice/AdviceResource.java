package vn.ocop.evaluation.advice;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.security.ScopeRule;

@Path("/api/v1/products/{productId}/upgrade-advice")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Upgrade advice", description = "What a product lacks for the next star, and what-if recomputation")
@SecurityRequirement(name = "bearer")
public class AdviceResource {

    /** Options to try instead of those the members chose (criterion code → option code), applied to every sheet. */
    @Schema(name = "WhatIfRequest")
    public record WhatIfRequest(@NotEmpty @Schema(example = "{\"10.1\": \"10.1.b\"}") Map<String, String> changes) {
    }

    @Inject
    AdviceService advice;

    @GET
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Seen by whoever may see the product's result.")
    @Operation(operationId = "getUpgradeAdvice", summary = "Points missing to the next band and marked minima lacking for the next star")
    public UpgradeAdvice advice(@PathParam("productId") UUID productId) {
        return advice.advice(productId);
    }

    @POST
    @Path("/what-if")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "whatIfUpgrade", summary = "Recompute the star as if the members had chosen the given options")
    public UpgradeAdvice whatIf(@PathParam("productId") UUID productId, @NotNull WhatIfRequest request) {
        return advice.whatIf(productId, request);
    }
}
