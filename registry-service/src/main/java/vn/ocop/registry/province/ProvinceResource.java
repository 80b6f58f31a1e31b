package vn.ocop.registry.province;

import java.util.List;

import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative units", description = "Provinces in force since 1/7/2025, their communes, and the former provinces mapped to them")
@PermitAll
@ScopeRule(ScopeRule.Kind.NONE)
public class ProvinceResource {

    /**
     * A provincial unit; {@code resolvedFrom}/{@code resolvedFromName} name the former province a legacy code or name was
     * resolved from.
     */
    public record ProvinceView(@Schema(example = "92") String code,
                               @Schema(example = "Thành phố Cần Thơ") String name,
                               @Schema(example = "CITY") String kind,
                               @Schema(example = "2025") String unitList,
                               @Schema(nullable = true, description = "The former province code or name was resolved from", example = "94")
                               String resolvedFrom,
                               @Schema(nullable = true, example = "Sóc Trăng") String resolvedFromName) {
        static ProvinceView of(ProvinceDirectory.ResolvedProvince resolved) {
            Province p = resolved.province();
            String legacyName = resolved.legacyCode() == null ? null
                    : ((LegacyProvince) LegacyProvince.findById(resolved.legacyCode())).name;
            return new ProvinceView(p.code, p.name, p.kind, p.unitList, resolved.legacyCode(), legacyName);
        }
    }

    @Inject
    ProvinceDirectory directory;

    @Inject
    CommuneService communes;

    @GET
    @Operation(operationId = "listProvinces", summary = "List the 34 provincial units in force")
    public List<ProvinceView> list() {
        return directory.current().stream().map(p -> ProvinceView.of(new ProvinceDirectory.ResolvedProvince(p, null))).toList();
    }

    @GET
    @Path("/resolve")
    @Operation(operationId = "resolveProvince",
            summary = "Find the unit in force for a current or former province code or name (e.g. 94 or Sóc Trăng → 92 Cần Thơ)")
    @APIResponse(responseCode = "200", description = "The provincial unit in force")
    @APIResponse(responseCode = "404", description = "No province, current or former, has that code or name")
    public ProvinceView resolve(@QueryParam("code") @Parameter(description = "Current or former 2-digit code", example = "94") String code,
                                @QueryParam("name") @Parameter(description = "Current or former name; case, diacritics and a "
                                        + "'Tỉnh'/'Thành phố' prefix are ignored", example = "Sóc Trăng") String name) {
        boolean byCode = code != null && !code.isBlank();
        boolean byName = name != null && !name.isBlank();
        if (byCode == byName) {
            throw ApiException.invalidField(byCode ? "name" : "code", "give exactly one of code and name");
        }
        if (byCode) {
            try {
                return ProvinceView.of(directory.resolve("code", code.trim()));
            } catch (ApiException e) {
                throw ApiException.notFound("Province", code);
            }
        }
        return ProvinceView.of(directory.resolveName(name).orElseThrow(() -> ApiException.notFound("Province", name)));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProvince", summary = "Get a provincial unit; a former province's code resolves to its successor")
    public ProvinceView get(@PathParam("code") String code) {
        try {
            return ProvinceView.of(directory.resolve("code", code));
        } catch (ApiException e) {
            throw ApiException.notFound("Province", code);
        }
    }

    @GET
    @Path("/{code}/communes")
    @Operation(operationId = "listCommunes", summary = "List a province's communes (xã, phường, đặc khu), filtered by name "
            + "ignoring case and diacritics")
    public Page<CommuneView> communes(@PathParam("code") @Parameter(description = "Province code (a former code lists its successor's communes)",
                                              example = "51") String code,
                                      @QueryParam("q") @Parameter(description = "Part of the name; 'ly son' finds 'Đặc khu Lý Sơn'",
                                              example = "ly son") String name,
                                      @QueryParam("kind") @Parameter(schema = @Schema(implementation = CommuneKind.class), description = "COMMUNE, WARD or SPECIAL_ZONE") String kind,
                                      @BeanParam PageRequest page) {
        return communes.list(code, name, QueryParams.enumValue(CommuneKind.class, "kind", kind), page);
    }
}
