package vn.ocop.monitoring.statistics;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.problem.ApiException;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Statistics", description = "Public programme figures, computed from the events monitoring consumed")
public class StatisticsResource {

    public record MonthFigure(String month, long producers, long womenLedProducers, long ethnicMinorityLedProducers,
                              long products) {
    }

    public record Registrations(String province, long producers, long womenLedProducers, long ethnicMinorityLedProducers,
                                long products, List<MonthFigure> months) {
    }

    @Inject
    EntityManager entityManager;

    @GET
    @Path("/registrations")
    @Operation(operationId = "getRegistrationStatistics", summary = "Producers and products registered, by month")
    public Registrations registrations(
            @QueryParam("province") @Parameter(description = "2-digit province code; all provinces when absent") String province) {
        if (province != null && !province.matches("\\d{2}")) {
            throw ApiException.invalidField("province", "must be a 2-digit province code");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select month, sum(producers), sum(women_led_producers), sum(ethnic_minority_led_producers), sum(products)
                from registration_figure where (?1 is null or province_code = ?1)
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

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
