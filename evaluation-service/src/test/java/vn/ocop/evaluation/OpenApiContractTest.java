package vn.ocop.evaluation;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.OpenApiDocumentContract;

/** The shared rules of {@link OpenApiDocumentContract} on this service's document, and what is its own. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class OpenApiContractTest extends OpenApiDocumentContract {

    /** The operations anyone may call without an account: none, every evaluation operation needs an account. */
    @Override
    protected boolean anonymous(String operation) {
        return false;
    }

    @Override
    protected List<String> operationIdsInUse() {
        return List.of("publishCriteriaSet", "createCouncil", "createSession", "submitScoreSheet", "closeSessionProduct",
                "recogniseResults", "getEvaluationCertificate", "getUpgradeAdvice");
    }
}
