package vn.ocop.market.sales;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/sales-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sales reports", description = "Monthly volume and revenue per listing, totals and programme indicators")
@SecurityRequirement(name = "bearer")
public class SalesReportResource {

    @Inject
    SalesReportService reports;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.CHANNEL_OPERATOR})
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Only the operator of the listing's channel or point of sale; another operator gets 404 for the listing.")
    @Operation(operationId = "submitSalesReport",
            summary = "Report a listing's month: 201 the first time, 200 when it replaces (or repeats) the month's figures")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesReportView.class)))
    @APIResponse(responseCode = "200", description = "The month's figures replaced (or repeated)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesReportView.class)))
    @APIResponse(responseCode = "404", description = "No listing with that id visible to the caller")
    public Response submit(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String key,
                           @NotNull @Valid SalesReportRequest request) {
        return idempotency.execute(key, "POST /api/v1/sales-reports", request, () -> {
            SalesReportService.Submitted submitted = reports.submit(request);
            return submitted.created()
                    ? Response.created(URI.create("/api/v1/sales-reports?listing=" + request.listingId() + "&period=" + request.period()))
                            .entity(submitted.report()).build()
                    : Response.ok(submitted.report()).build();
        });
    }

    @GET
    @Authenticated
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listSalesReports", summary = "List the sales reports visible to the caller")
    public Page<SalesReportView> list(@QueryParam("listing") String listing,
                                      @QueryParam("period") @Parameter(description = "YYYY-MM") String period,
                                      @BeanParam PageRequest page) {
        return reports.list(QueryParams.uuidValue("listing", listing), month("period", period) == null ? null : period, page);
    }

    @GET
    @Path("/aggregates")
    @Authenticated
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "aggregateSales", summary = "Totals by product, producer, province or channel over a range of months")
    public Page<SalesAggregate> aggregate(@QueryParam("by") @Parameter(description = "What to total by", required = true,
                                                  schema = @Schema(type = SchemaType.STRING, enumeration = {"PRODUCT", "PRODUCER", "PROVINCE", "CHANNEL"})) String by,
                                          @QueryParam("from") @Parameter(description = "First month, YYYY-MM") String from,
                                          @QueryParam("to") @Parameter(description = "Last month, YYYY-MM") String to,
                                          @QueryParam("province") String province,
                                          @BeanParam PageRequest page) {
        PageRequest checked = page.validated();
        SalesAggregate.GroupBy groupBy = QueryParams.enumValue(SalesAggregate.GroupBy.class, "by", by);
        if (groupBy == null) {
            throw ApiException.invalidField("by", "is required: PRODUCT, PRODUCER, PROVINCE or CHANNEL");
        }
        return reports.aggregate(groupBy, month("from", from), month("to", to), province, checked);
    }

    @GET
    @Path("/indicators")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "getMarketIndicators",
            summary = "Share of certified producers in modern channels (target 50%) and provinces without an approved point of sale")
    public MarketIndicators indicators() {
        return reports.indicators();
    }

    private static YearMonth month(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be a month YYYY-MM");
        }
    }
}
