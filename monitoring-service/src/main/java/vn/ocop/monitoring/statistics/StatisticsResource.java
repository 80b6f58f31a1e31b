package vn.ocop.monitoring.statistics;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.ScopeRule;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Statistics", description = "Public programme figures, computed from the events monitoring consumed")
@ScopeRule(ScopeRule.Kind.PUBLIC)
public class StatisticsResource {
    public static final String CSV = "text/csv";

    @Schema(name = "RegistrationMonthFigure")
    public record MonthFigure(String month, long producers, long womenLedProducers, long ethnicMinorityLedProducers,
                              long products) {
    }

    @Schema(name = "ProvinceRegistrations")
    public record Registrations(@Schema(nullable = true) String province, long producers, long womenLedProducers, long ethnicMinorityLedProducers,
                                long products, List<MonthFigure> months) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ProgrammeStatistics programme;

    @GET
    @Path("/registrations")
    @Operation(operationId = "getRegistrationStatistics", summary = "Producers and products registered, by month")
    public Registrations registrations(
            @QueryParam("province") @Parameter(description = "2-digit province code; all provinces when absent") String province) {
        requireProvinceCode(province);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select month, sum(producers), sum(women_led_producers), sum(ethnic_minority_led_producers), sum(products)
                from registration_figure where (cast(?1 as varchar) is null or province_code = cast(?1 as varchar))
                group by month order by month""")
                .setParameter(1, province)
                .getResultList();
        List<MonthFigure> months = rows.stream().map(r -> new MonthFigure((String) r[0], number(r[1]), number(r[2]),
                number(r[3]), number(r[4]))).toList();
        return new Registrations(province,
                months.stream().mapToLong(MonthFigure::producers).sum(),
                months.stream().mapToLong(MonthFigure::womenLedProducers).sum(),
                months.stream().mapToLong(MonthFigure::ethnicMinorityLedProducers).sum(),
                months.stream().mapToLong(MonthFigure::products).sum(),
                months);
    }

    @GET
    @Path("/programme")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getProgrammeStatistics",
            summary = "OCOP products (≥3★), producers and certificates, monthly series and progress against the programme "
                    + "targets; JSON, or CSV with ?format=csv or Accept: text/csv")
    @APIResponse(responseCode = "200", description = "OK",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeStatistics.Report.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), example = """
                            section,dimension,value
                            report,asOf,2026-11-29
                            report,province,51
                            products,total,148
                            products.byStars,4,37
                            certificates,expiringWithin180Days,9
                            month.2026-03,issued,12""")})
    public Response programme(
            @QueryParam("province") @Parameter(description = "2-digit province code; national when absent") String province,
            @QueryParam("format") @Parameter(description = "json or csv; overrides the Accept header") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        requireProvinceCode(province);
        boolean csv;
        if (format == null || format.isBlank()) {
            csv = accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        } else {
            csv = switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.invalidField("format", "must be json or csv");
            };
        }
        ProgrammeStatistics.Report report = programme.report(province);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(StatisticsCsv.toCsv(report), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"ocop-statistics-"
                        + (province == null ? "national" : province) + "-" + report.asOf() + ".csv\"")
                .build();
    }

    private static void requireProvinceCode(String province) {
        if (province != null && !province.matches("\\d{2}")) {
            throw ApiException.invalidField("province", "must be a 2-digit province code");
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
