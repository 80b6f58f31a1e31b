package vn.ocop.evaluation.session;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

/** Accepted dossiers as evaluation sees them, so that whoever schedules a session need not guess what awaits it. */
@Path("/api/v1/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dossiers", description = "Accepted dossiers (from the registry's ApplicationSubmitted) and where they stand in evaluation")
@SecurityRequirement(name = "bearer")
public class DossierResource {

    @Inject
    SessionService sessions;

    @GET
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listDossiers", summary = "Accepted dossiers by state; AWAITING (default) = on no session's agenda and not withdrawn")
    public Page<DossierView> list(@QueryParam("province") @Parameter(description = "Province code (provincial officers: their own)", example = "51") String province,
                                  @QueryParam("status") @Parameter(schema = @Schema(implementation = DossierView.Status.class), description = "AWAITING (default), IN_SESSION, EVALUATED or WITHDRAWN") String status,
                                  @BeanParam PageRequest page) {
        return sessions.dossiers(QueryParams.provinceCode("province", province),
                QueryParams.enumValue(DossierView.Status.class, "status", status), page);
    }
}
