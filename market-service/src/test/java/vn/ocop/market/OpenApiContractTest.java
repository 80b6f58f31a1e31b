package vn.ocop.market;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.OpenApiDocumentContract;

/** The shared rules of {@link OpenApiDocumentContract} on this service's document, and what is its own. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "market"))
class OpenApiContractTest extends OpenApiDocumentContract {

    /** The operations anyone may call without an account: {@code @PermitAll} in the resources. */
    @Override
    protected boolean anonymous(String operation) {
        return operation.contains(" /api/v1/public/");
    }

    @Override
    protected List<String> operationIdsInUse() {
        return List.of("createListing", "whereToBuy");
    }
}
