package vn.ocop.evaluation.session;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/results")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Results", description = "Closed council results per product")
@SecurityRequirement(name = "bearer")
public class ResultResource {

    @Inject
    ResultService results;

    @GET
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listResults", summary = "List results visible to the caller, newest first")
    public Page<ResultView> list(@QueryParam("province") String province,
                                 @QueryParam("productId") String productId,
                                 @QueryParam("outcome") @Parameter(schema = @Schema(implementation = Outcome.class), description = "CERTIFIABLE, FIVE_STAR_NOMINATED, BELOW_THREE_STARS or KNOCKED_OUT") String outcome,
                                 @BeanParam PageRequest page) {
        return results.results(province, QueryParams.uuidValue("productId", productId),
                QueryParams.enumValue(Outcome.class, "outcome", outcome), page);
    }

    @GET
    @Path("/{id}")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "getResult", summary = "Get one result")
    public ResultView get(@PathParam("id") UUID id) {
        return results.result(id);
    }
}
