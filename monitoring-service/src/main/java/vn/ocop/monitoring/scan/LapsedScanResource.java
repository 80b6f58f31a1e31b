package vn.ocop.monitoring.scan;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.platform.web.QueryParams;

/**
 * Where inspectors should look for lapsed OCOP labels still on shelves: certificates that shoppers scanned after the
 * certificate was revoked, expired or replaced (from registry's scan signals).
 */
@Path("/api/v1/lapsed-scans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
@Tag(name = "Inspections", description = "Post-certification monitoring (hậu kiểm): plans and inspections")
@SecurityRequirement(name = "bearer")
public class LapsedScanResource {
    /** How far back the list looks when the caller does not say. */
    static final int DEFAULT_DAYS = 30;

    @Inject
    LegalClock clock;

    @Inject
    LapsedScanService scans;

    @GET
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listLapsedScans", summary = "Certificates scanned after their end, most recently scanned first "
            + "(a provincial officer or inspector sees their own province; central officers and auditors all)")
    @APIResponse(responseCode = "200", description = "One row per certificate, summed over the days since `since`")
    public Page<LapsedScanView> list(@QueryParam("province") @Parameter(description = "2-digit province code",
                                             example = "51") String province,
                                     @QueryParam("since") @Parameter(description = "First day to include (yyyy-MM-dd); "
                                             + "default 30 days ago", schema = @Schema(type = SchemaType.STRING, format = "date"),
                                             example = "2026-11-01") String since,
                                     @BeanParam PageRequest page) {
        page.validated();
        String provinceCode = QueryParams.provinceCode("province", province);
        LocalDate from = QueryParams.dateValue("since", since);
        return scans.list(provinceCode, from == null ? clock.today().minusDays(DEFAULT_DAYS) : from, page);
    }
}
