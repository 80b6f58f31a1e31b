package vn.ocop.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.ProductProjectionContract;

/** The shared product projection, as evaluation serves it: registrations and corrections through the real broker. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class ProductProjectionTest extends ProductProjectionContract {
}
