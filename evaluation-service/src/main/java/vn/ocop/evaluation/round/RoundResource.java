package vn.ocop.evaluation.round;

import java.time.LocalDate;
import java.util.List;

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

import io.quarkus.security.Authenticated;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rounds", description = "Evaluation rounds (đợt) and their legal deadlines; products carried over")
@SecurityRequirement(name = "bearer")
public class RoundResource {

    @Inject
    LegalClock clock;

    @Inject
    RoundCalendar calendar;

    @Inject
    RoundService rounds;

    @Inject
    Scope scope;

    @GET
    @Authenticated
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "getRound", summary = "The round a day belongs to at a council level, with its deadlines")
    public Round round(@QueryParam("level") @Parameter(schema = @Schema(implementation = CouncilLevel.class), description = "PROVINCIAL or CENTRAL (required)") String level,
                       @QueryParam("on") @Parameter(description = "Day yyyy-MM-dd (default today in Vietnam)") String on) {
        LocalDate day = QueryParams.dateValue("on", on);
        return calendar.roundOn(level(level), day == null ? clock.today() : day);
    }

    @GET
    @Path("/calendar")
    @Authenticated
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "getRoundCalendar", summary = "The round calendar's versions (configured data)")
    public List<RoundCalendar.Version> calendar() {
        return calendar.versions();
    }

    @GET
    @Path("/carried-over")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listCarriedOver", summary = "Products whose round deadline passed without a closed result: "
            + "accepted dossiers (provincial level) and 5★ nominations (central level)")
    public Page<CarriedOverView> carriedOver(@QueryParam("level") @Parameter(schema = @Schema(implementation = CouncilLevel.class), description = "PROVINCIAL or CENTRAL (default both)") String level,
                                             @QueryParam("province") @Parameter(description = "Province code (provincial officers: their own)") String province,
                                             @QueryParam("asOf") @Parameter(description = "Day yyyy-MM-dd (default today in Vietnam)") String asOf,
                                             @BeanParam PageRequest page) {
        CouncilLevel wanted = QueryParams.enumValue(CouncilLevel.class, "level", level);
        LocalDate day = QueryParams.dateValue("asOf", asOf);
        String visible = scope.listableProvince(QueryParams.provinceCode("province", province));
        return rounds.carriedOver(wanted, visible, day == null ? clock.today() : day, page);
    }

    private static CouncilLevel level(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidField("level", "is required");
        }
        try {
            return CouncilLevel.valueOf(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("level", "must be PROVINCIAL or CENTRAL");
        }
    }
}
