package vn.ocop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import vn.ocop.client.registry.ApiClient;
import vn.ocop.client.registry.ApiException;
import vn.ocop.client.registry.ApiResponse;
import vn.ocop.client.registry.api.ApplicationsApi;
import vn.ocop.client.registry.api.ProducersApi;
import vn.ocop.client.registry.api.ProductsApi;
import vn.ocop.client.registry.api.PublicApi;
import vn.ocop.client.registry.model.AcceptRequest;
import vn.ocop.client.registry.model.Application;
import vn.ocop.client.registry.model.ApplicationDocument;
import vn.ocop.client.registry.model.ApplicationKind;
import vn.ocop.client.registry.model.ApplicationRequest;
import vn.ocop.client.registry.model.ApplicationStatus;
import vn.ocop.client.registry.model.CertificateVerification;
import vn.ocop.client.registry.model.CommuneReview;
import vn.ocop.client.registry.model.DocumentType;
import vn.ocop.client.registry.model.Evidence;
import vn.ocop.client.registry.model.Form01;
import vn.ocop.client.registry.model.Form02;
import vn.ocop.client.registry.model.Form03;
import vn.ocop.client.registry.model.Gender;
import vn.ocop.client.registry.model.PageProductView;
import vn.ocop.client.registry.model.Problem;
import vn.ocop.client.registry.model.Producer;
import vn.ocop.client.registry.model.ProducerKind;
import vn.ocop.client.registry.model.ProducerRequest;
import vn.ocop.client.registry.model.Product;
import vn.ocop.client.registry.model.ProductRequest;
import vn.ocop.client.registry.model.RepresentativeRequest;
import vn.ocop.client.registry.model.SelfScore;
import vn.ocop.devstack.Stack;
import vn.ocop.testkit.Tokens;

/**
 * What a provincial integrator does, through the Java client {@code openapi-generator} makes from the registry's
 * OpenAPI document (module api-clients) and nothing else: a provincial system (Quảng Ngãi, which still holds the former
 * Kon Tum code 62) registers a producer with an Idempotency-Key and retries it, updates it with If-Match, registers
 * products and pages through them, reads typed problem documents, files and moves a dossier through the commune and
 * the province, and finally verifies the certificate the province's council issued on the public endpoint. The
 * council's scoring and the recognition decision are evaluation's own screens, not the integrator's system, so they
 * run through {@link ProvincialRound}.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientE2ETest {

    private static final String PROVINCE = ProvincialRound.PROVINCE;
    private static final String KON_TUM = "62";
    private static final String COMMUNE = ProvincialRound.COMMUNE_CODE;
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private Stack stack;

    @BeforeAll
    void useSharedStack() {
        stack = SharedStack.stack();
    }

    @Test
    void aProvincialSystemWorksThroughTheGeneratedRegistryClient(@TempDir Path files) throws Exception {
        ApiClient officer = client(ProvincialRound.OFFICER);
        ProducersApi producers = new ProducersApi(officer);
        ProductsApi products = new ProductsApi(officer);

        // --- A producer of the former province 62, registered with a key and retried: one producer, replayed answer.
        String taxCode = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        ProducerRequest request = new ProducerRequest().name("HTX Sâm Ngọc Linh Tu Mơ Rông").kind(ProducerKind.COOPERATIVE)
                .taxCode(taxCode).provinceCode(KON_TUM).communeCode(COMMUNE)
                .representative(new RepresentativeRequest().fullName("A Vương").gender(Gender.MALE)
                        .ethnicGroup("Xơ Đăng").ethnicMinority(true).disabled(false));
        String key = "tinh-qng-producer-" + taxCode;
        ApiResponse<Producer> created = producers.registerProducerWithHttpInfo(request, key);
        Producer producer = created.getData();
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(producer.getProvinceCode()).isEqualTo(PROVINCE);
        assertThat(producer.getLegacyProvinceCode()).isEqualTo(KON_TUM);
        assertThat(created.getHeaders().get("Idempotent-Replayed")).isNull();

        ApiResponse<Producer> retried = producers.registerProducerWithHttpInfo(request, key);
        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(retried.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(retried.getData().getId()).isEqualTo(producer.getId());
        assertThat(producers.listProducers(null, 0, PROVINCE, "Sâm Ngọc Linh Tu Mơ Rông", 20).getItems())
                .extracting(Producer::getId).containsExactly(producer.getId());

        Problem reused = problem(() -> producers.registerProducer(request.name("HTX Sâm Ngọc Linh"), key), 422);
        assertThat(reused.getCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        // --- Update with If-Match: the ETag of the read; a stale one is refused with 412 and changes nothing.
        ApiResponse<Producer> read = producers.getProducerWithHttpInfo(producer.getId());
        String etag = read.getHeaders().get("ETag").get(0);
        assertThat(etag).isEqualTo("\"" + read.getData().getVersion() + "\"");
        ProducerRequest withPhone = request.name("HTX Sâm Ngọc Linh Tu Mơ Rông").provinceCode(PROVINCE).phone("0260 3862 123");
        ApiResponse<Producer> updated = producers.updateProducerWithHttpInfo(producer.getId(), etag, withPhone);
        assertThat(updated.getData().getPhone()).isEqualTo("0260 3862 123");
        assertThat(updated.getHeaders().get("ETag")).containsExactly("\"" + (read.getData().getVersion() + 1) + "\"");
        Problem stale = problem(() -> producers.updateProducer(producer.getId(), etag, withPhone.phone("0260 0000 000")), 412);
        assertThat(stale.getCode()).isEqualTo("PRECONDITION_FAILED");
        assertThat(producers.getProducer(producer.getId()).getPhone()).isEqualTo("0260 3862 123");

        // --- Products: a typed validation problem, then three products paged through two at a time.
        Problem invalid = problem(() -> products.registerProduct(new ProductRequest().producerId(producer.getId())
                .name("Sâm Ngọc Linh").productSet(27).communeCode("123"), null), 400);
        assertThat(invalid.getCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.getViolations()).extracting(v -> v.getField()).contains("communeCode", "productSet");

        Product ginseng = products.registerProduct(new ProductRequest().producerId(producer.getId()).name("Sâm Ngọc Linh tươi")
                .productSet(1).communeCode(COMMUNE).description("Sâm củ tươi 5 năm tuổi"), "tinh-qng-product-" + taxCode + "-1");
        assertThat(ginseng.getCode()).startsWith(PROVINCE + "-" + COMMUNE + "-");
        Set<UUID> registered = new HashSet<>(List.of(ginseng.getId()));
        for (String name : List.of("Rượu sâm Ngọc Linh", "Trà sâm Ngọc Linh")) {
            registered.add(products.registerProduct(new ProductRequest().producerId(producer.getId()).name(name)
                    .productSet(10).communeCode(COMMUNE), null).getId());
        }
        List<UUID> paged = new ArrayList<>();
        int page = 0;
        PageProductView view;
        do {
            view = products.listProducts(page++, producer.getId(), null, null, 2);
            assertThat(view.getItems()).hasSizeLessThanOrEqualTo(2);
            view.getItems().forEach(p -> paged.add(p.getId()));
        } while ((long) page * view.getSize() < view.getTotal());
        assertThat(view.getTotal()).isEqualTo(3);
        assertThat(page).isEqualTo(2);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(registered);

        // --- The producer files the dossier; the commune reviews it, the province accepts it.
        ApiClient producerClient = client(Tokens.producer(producer.getId()));
        ApplicationsApi asProducer = new ApplicationsApi(producerClient);
        Application dossier = asProducer.createApplication(new ApplicationRequest().productId(ginseng.getId())
                .kind(ApplicationKind.FIRST_RATING)
                .form01(new Form01().unitName(producer.getName()).legalRepresentative("A Vương").representativeTitle("Giám đốc")
                        .address("Xã Bình Sơn").phone("0260 3862 123").email("htx@example.org").productName(ginseng.getName())
                        .productGroup("Thực phẩm / Rau củ quả").sampleCount(5))
                .form02(new Form02().addSelfScoresItem(new SelfScore().criterionCode("A.1.1").score(BigDecimal.valueOf(3)))
                        .addEvidenceItem(new Evidence().criterionCode("A.1.1").description("Hợp đồng liên kết vùng trồng"))
                        .businessResults("Doanh thu 2025: 3 tỷ đồng")), "tinh-qng-dossier-" + taxCode);
        assertThat(dossier.getStatus()).isEqualTo(ApplicationStatus.DRAFT);
        Problem incomplete = problem(() -> asProducer.submitApplication(dossier.getId(), null), 422);
        assertThat(incomplete.getCode()).isEqualTo("DOCUMENTS_MISSING");
        for (DocumentType type : List.of(DocumentType.REGISTRATION_FORM, DocumentType.SELF_ASSESSMENT_REPORT,
                DocumentType.BUSINESS_REGISTRATION, DocumentType.QUALITY_DECLARATION)) {
            Path file = files.resolve(type.getValue().toLowerCase() + ".pdf");
            Files.write(file, PDF);
            ApplicationDocument stored = upload(producerClient, dossier.getId(), type, file);
            assertThat(stored.getType()).isEqualTo(type);
        }
        assertThat(asProducer.listApplicationDocuments(dossier.getId())).hasSize(4);
        assertThat(asProducer.submitApplication(dossier.getId(), null).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        Application reviewed = new ApplicationsApi(client(ProvincialRound.COMMUNE_OFFICER)).reviewApplicationAtCommune(dossier.getId(),
                new CommuneReview().samplesReceived(5).form03(new Form03().localRawMaterials("100% sâm trồng dưới tán rừng")
                        .localLabour("30 lao động người Xơ Đăng").ideaOrigin("Ý tưởng của HTX")
                        .localIdentity("Sâm Ngọc Linh, sản vật vùng núi Ngọc Linh").recommendation("Đề nghị đánh giá")), null);
        assertThat(reviewed.getStatus()).isEqualTo(ApplicationStatus.COMMUNE_REVIEWED);
        Application accepted = new ApplicationsApi(officer).acceptApplication(dossier.getId(), new AcceptRequest().note("Đủ hồ sơ"), null);
        assertThat(accepted.getStatus()).isEqualTo(ApplicationStatus.ACCEPTED);

        // --- The council and the recognition happen in evaluation; then anyone can verify the certificate publicly.
        ProvincialRound round = new ProvincialRound(stack);
        ProvincialRound.Dossier evaluated = new ProvincialRound.Dossier(producer.getId().toString(), ginseng.getId().toString(),
                ginseng.getCode(), ginseng.getName());
        ProvincialRound.Certified certified = round.recognise(evaluated, round.fourStarResult(evaluated));

        ApiClient noToken = new ApiClient();
        noToken.updateBaseUri(stack.baseUrl("registry"));
        PublicApi anonymous = new PublicApi(noToken);
        CertificateVerification[] verified = new CertificateVerification[1];
        // Until the CertificateIssued event reaches the registry, the number is unknown there (404, a typed ApiException).
        ProvincialRound.eventually("registry learns of the certificate")
                .ignoreExceptionsInstanceOf(ApiException.class).untilAsserted(() -> {
            verified[0] = anonymous.verifyCertificate(certified.certificateNumber());
            assertThat(verified[0].getStatus()).isEqualTo("VALID");
        });
        assertThat(verified[0].getProductId()).isEqualTo(ginseng.getId());
        assertThat(verified[0].getProductCode()).isEqualTo(ginseng.getCode());
        assertThat(verified[0].getProvinceCode()).isEqualTo(PROVINCE);
        assertThat(verified[0].getStars()).isEqualTo(4);
        assertThat(verified[0].getValidUntil()).isEqualTo(ProvincialRound.TODAY.plusMonths(36));
        Problem unknown = problem(() -> anonymous.verifyCertificate("OCOP-" + PROVINCE + "-1999-99999"), 404);
        assertThat(unknown.getCode()).isEqualTo("CERTIFICATE_NOT_FOUND");
    }

    /** A client of the registry acting with a bearer token, as an integrator configures it. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.baseUrl("registry"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /**
     * A dossier file, sent as the raw bytes the operation takes. The generated "native" client cannot send a binary
     * body (it writes the {@code File} through Jackson, i.e. its path as a JSON string, which the registry rightly
     * refuses with 415), so this one call goes through the client's own HttpClient, token and ObjectMapper.
     */
    private static ApplicationDocument upload(ApiClient client, UUID applicationId, DocumentType type, Path file)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/v1/applications/"
                        + applicationId + "/documents?type=" + type.getValue() + "&fileName=" + file.getFileName()))
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        client.getRequestInterceptor().accept(request);
        HttpResponse<String> response = client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.getObjectMapper().readValue(response.body(), ApplicationDocument.class);
    }

    @FunctionalInterface
    private interface Call {
        void run() throws ApiException;
    }

    /** The typed problem document of a refused call: the client throws, the body is RFC 9457 problem+json. */
    private static Problem problem(Call call, int status) throws IOException {
        ApiException refused = catchThrowableOfType(ApiException.class, call::run);
        assertThat(refused).as("the call was refused").isNotNull();
        assertThat(refused.getCode()).isEqualTo(status);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(status);
        return problem;
    }
}
