package vn.ocop.registry.province;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.problem.ApiException;

@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative units", description = "Provinces in force since 1/7/2025 and the former provinces mapped to them")
public class ProvinceResource {

    /** A provincial unit; {@code resolvedFrom} names the former province a legacy code was resolved from. */
    public record ProvinceView(String code, String name, String kind, String unitList, String resolvedFrom) {
        static ProvinceView of(Province p, String resolvedFrom) {
            return new ProvinceView(p.code, p.name, p.kind, p.unitList, resolvedFrom);
        }
    }

    @Inject
    ProvinceDirectory directory;

    @GET
    @Operation(operationId = "listProvinces", summary = "List the 34 provincial units in force")
    public List<ProvinceView> list() {
        return directory.current().stream().map(p -> ProvinceView.of(p, null)).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProvince", summary = "Get a provincial unit; a former province's code resolves to its successor")
    public ProvinceView get(@PathParam("code") String code) {
        try {
            ProvinceDirectory.ResolvedProvince resolved = directory.resolve("code", code);
            return ProvinceView.of(resolved.province(), resolved.legacyCode());
        } catch (ApiException e) {
            throw ApiException.notFound("Province", code);
        }
    }
}
