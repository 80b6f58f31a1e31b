package vn.ocop.registry;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.OpenApiDocumentContract;

/** The shared rules of {@link OpenApiDocumentContract} on this service's document, and what is its own. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class OpenApiContractTest extends OpenApiDocumentContract {

    /**
     * The operations anyone may call without an account: {@code @PermitAll} in the resources, including the
     * verification page ({@code /c/...}) and the GS1 Digital Link resolver ({@code /01/...}) that QR codes on packs carry.
     */
    @Override
    protected boolean anonymous(String operation) {
        return operation.contains(" /api/v1/public/") || operation.contains(" /api/v1/provinces")
                || operation.contains(" /c/") || operation.contains(" /01/");
    }

    @Override
    protected List<String> operationIdsInUse() {
        return List.of("verifyCertificate", "listCommunes", "resolveProvince", "loadCommunes", "createApplication",
                "submitApplication", "acceptApplication", "searchCatalogue", "startImport", "listImportRows", "certificateQrCode", "certificateDocument", "certificatePage",
                "resolveGtin", "resolveGtinLot");
    }
}
