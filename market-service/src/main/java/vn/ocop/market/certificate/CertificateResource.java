package vn.ocop.market.certificate;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Certificates", description = "OCOP certificates as the market knows them (from evaluation and monitoring)")
@SecurityRequirement(name = "bearer")
public class CertificateResource {

    @Inject
    Scope scope;

    @GET
    @Path("/{id}")
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A producer reads only its own certificates, provincial roles those of their province; other roles read all.")
    @Operation(operationId = "getMarketCertificate", summary = "Get a certificate's status as seen by the market")
    public CertificateView get(@PathParam("id") UUID id) {
        Certificate c = Certificate.findById(id);
        if (c == null) {
            throw ApiException.notFound("Certificate", id);
        }
        // Scope.requireRead cannot take a null producer (a certificate whose issue has not arrived yet).
        scope.requireRead(c.provinceCode, c.producerId == null ? new UUID(0, 0) : c.producerId);
        return CertificateView.of(c);
    }

    @GET
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listMarketCertificates", summary = "List the certificates of a product")
    public Page<CertificateView> list(@QueryParam("product") String product, @QueryParam("province") String province,
                                      @BeanParam PageRequest page) {
        UUID productId = QueryParams.uuidValue("product", product);
        String visible = scope.listableProvince(province);
        Where where = new Where().and("productId = :product", "product", productId).and("provinceCode = :province", "province", visible);
        return Page.of(Certificate.find(where.query(), Sort.descending("updatedAt").and("id"), where.parameters()), page, CertificateView::of);
    }
}
