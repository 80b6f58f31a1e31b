package vn.ocop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import vn.ocop.client.evaluation.api.CertificatesApi;
import vn.ocop.client.evaluation.api.CouncilsApi;
import vn.ocop.client.evaluation.api.CriteriaSetsApi;
import vn.ocop.client.evaluation.api.ResultsApi;
import vn.ocop.client.evaluation.api.ScoreSheetsApi;
import vn.ocop.client.evaluation.api.SessionsApi;
import vn.ocop.client.evaluation.model.AdvisoryReportFile;
import vn.ocop.client.evaluation.model.AdvisoryReportRequest;
import vn.ocop.client.evaluation.model.Certificate;
import vn.ocop.client.evaluation.model.CertificateStatus;
import vn.ocop.client.evaluation.model.CloseRequest;
import vn.ocop.client.evaluation.model.Council;
import vn.ocop.client.evaluation.model.CouncilLevel;
import vn.ocop.client.evaluation.model.CouncilRequest;
import vn.ocop.client.evaluation.model.CriteriaGroup;
import vn.ocop.client.evaluation.model.CriteriaPart;
import vn.ocop.client.evaluation.model.CriteriaSet;
import vn.ocop.client.evaluation.model.Criterion;
import vn.ocop.client.evaluation.model.CriterionOption;
import vn.ocop.client.evaluation.model.MemberRequest;
import vn.ocop.client.evaluation.model.MemberRole;
import vn.ocop.client.evaluation.model.RatingOutcome;
import vn.ocop.client.evaluation.model.RecognitionDecision;
import vn.ocop.client.evaluation.model.RecognitionRequest;
import vn.ocop.client.evaluation.model.RecommendationRequest;
import vn.ocop.client.evaluation.model.Result;
import vn.ocop.client.evaluation.model.ScoreSheet;
import vn.ocop.client.evaluation.model.ScoreSheetRequest;
import vn.ocop.client.evaluation.model.Session;
import vn.ocop.client.evaluation.model.SessionRequest;
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
import vn.ocop.client.registry.model.Problem;
import vn.ocop.client.registry.model.Producer;
import vn.ocop.client.registry.model.ProducerKind;
import vn.ocop.client.registry.model.ProducerRequest;
import vn.ocop.client.registry.model.Product;
import vn.ocop.client.registry.model.ProductPage;
import vn.ocop.client.registry.model.ProductRequest;
import vn.ocop.client.registry.model.RepresentativeRequest;
import vn.ocop.client.registry.model.SelfScore;
import vn.ocop.devstack.Stack;
import vn.ocop.testkit.Tokens;

/**
 * What a provincial integrator does, through the Java clients {@code openapi-generator} makes from the registry's and
 * evaluation's OpenAPI documents (module api-clients) and nothing else: a provincial system (Quảng Ngãi, which still
 * holds the former Kon Tum code 62) registers a producer with an Idempotency-Key and retries it, updates it with
 * If-Match, registers products and pages through them, reads typed problem documents, files a dossier and uploads its
 * files through the generated upload method, moves it through the commune and the province; the province's council
 * receives the advisory report (with its signed scan), scores the product and closes it, the province recognises the
 * result, and the certificate is verified on the registry's public endpoint.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientE2ETest {

    private static final String PROVINCE = ProvincialRound.PROVINCE;
    private static final String KON_TUM = "62";
    private static final String COMMUNE = ProvincialRound.COMMUNE_CODE;
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

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
        assertThat(reused.getCode().getValue()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        // --- Update with If-Match: the ETag of the read; a stale one is refused with 412 and changes nothing.
        ApiResponse<Producer> read = producers.getProducerWithHttpInfo(producer.getId());
        String etag = read.getHeaders().get("ETag").get(0);
        assertThat(etag).isEqualTo("\"" + read.getData().getVersion() + "\"");
        ProducerRequest withPhone = request.name("HTX Sâm Ngọc Linh Tu Mơ Rông").provinceCode(PROVINCE).phone("0260 3862 123");
        ApiResponse<Producer> updated = producers.updateProducerWithHttpInfo(producer.getId(), etag, withPhone);
        assertThat(updated.getData().getPhone()).isEqualTo("0260 3862 123");
        assertThat(updated.getHeaders().get("ETag")).containsExactly("\"" + (read.getData().getVersion() + 1) + "\"");
        Problem stale = problem(() -> producers.updateProducer(producer.getId(), etag, withPhone.phone("0260 0000 000")), 412);
        assertThat(stale.getCode().getValue()).isEqualTo("PRECONDITION_FAILED");
        assertThat(producers.getProducer(producer.getId()).getPhone()).isEqualTo("0260 3862 123");

        // --- Products: a typed validation problem, then three products paged through two at a time.
        Problem invalid = problem(() -> products.registerProduct(new ProductRequest().producerId(producer.getId())
                .name("Sâm Ngọc Linh").productSet(27).communeCode("123"), null), 400);
        assertThat(invalid.getCode().getValue()).isEqualTo("VALIDATION_FAILED");
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
        ProductPage view;
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
        assertThat(incomplete.getCode().getValue()).isEqualTo("DOCUMENTS_MISSING");
        // Files go up through the generated method (a multipart/form-data part); the type stored is the content's own.
        Path notAScan = Files.writeString(files.resolve("ghi-chu.txt"), "chưa scan");
        Problem unsupported = problem(() -> asProducer.uploadApplicationDocument(dossier.getId(),
                DocumentType.OTHER_EVIDENCE, notAScan.toFile(), null, null), 415);
        assertThat(unsupported.getCode().getValue()).isEqualTo("UNSUPPORTED_DOCUMENT_TYPE");
        assertThat(asProducer.listApplicationDocuments(dossier.getId())).isEmpty();
        for (DocumentType type : List.of(DocumentType.REGISTRATION_FORM, DocumentType.SELF_ASSESSMENT_REPORT,
                DocumentType.BUSINESS_REGISTRATION)) {
            Path file = Files.write(files.resolve(type.getValue().toLowerCase() + ".pdf"), PDF);
            ApplicationDocument stored = asProducer.uploadApplicationDocument(dossier.getId(), type, file.toFile(),
                    null, "tinh-qng-document-" + taxCode + "-" + type.getValue());
            assertThat(stored.getType()).isEqualTo(type);
            assertThat(stored.getFileName()).isEqualTo(file.getFileName().toString());
            assertThat(stored.getContentType()).isEqualTo("application/pdf");
            assertThat(stored.getSha256()).isEqualTo(sha256(PDF));
        }
        // A scanned declaration as PNG, stored under the name the caller gives rather than the local file's.
        Path scan = Files.write(files.resolve("scan-0001.png"), PNG);
        ApplicationDocument declaration = asProducer.uploadApplicationDocument(dossier.getId(),
                DocumentType.QUALITY_DECLARATION, scan.toFile(), "ban-tu-cong-bo-chat-luong.png", null);
        assertThat(declaration.getContentType()).isEqualTo("image/png");
        assertThat(declaration.getFileName()).isEqualTo("ban-tu-cong-bo-chat-luong.png");
        // Path parameters come in the document's (alphabetical) order: documentId, then the dossier's id.
        assertThat(asProducer.downloadApplicationDocument(declaration.getId(), dossier.getId())).hasBinaryContent(PNG);
        assertThat(asProducer.listApplicationDocuments(dossier.getId())).hasSize(4);
        assertThat(asProducer.submitApplication(dossier.getId(), null).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        Application reviewed = new ApplicationsApi(client(ProvincialRound.COMMUNE_OFFICER)).reviewApplicationAtCommune(dossier.getId(),
                new CommuneReview().samplesReceived(5).form03(new Form03().localRawMaterials("100% sâm trồng dưới tán rừng")
                        .localLabour("30 lao động người Xơ Đăng").ideaOrigin("Ý tưởng của HTX")
                        .localIdentity("Sâm Ngọc Linh, sản vật vùng núi Ngọc Linh").recommendation("Đề nghị đánh giá")), null);
        assertThat(reviewed.getStatus()).isEqualTo(ApplicationStatus.COMMUNE_REVIEWED);
        Application accepted = new ApplicationsApi(officer).acceptApplication(dossier.getId(), new AcceptRequest().note("Đủ hồ sơ"), null);
        assertThat(accepted.getStatus()).isEqualTo(ApplicationStatus.ACCEPTED);

        // --- The province's council, in evaluation, through the generated evaluation client: a chair and two members
        //     score, the secretary does not; three sheets are the quorum.
        String chair = subject("chair");
        String member1 = subject("member1");
        String member2 = subject("member2");
        Council council = new CouncilsApi(evaluation(ProvincialRound.OFFICER)).createCouncil(new CouncilRequest()
                .name("Hội đồng OCOP tỉnh Quảng Ngãi " + taxCode).level(CouncilLevel.PROVINCIAL).provinceCode(PROVINCE).quorum(3)
                .addMembersItem(new MemberRequest().subject(chair).fullName("Nguyễn Văn Chủ tịch").role(MemberRole.CHAIR))
                .addMembersItem(new MemberRequest().subject(member1).fullName("Trần Thị Thành viên").role(MemberRole.MEMBER))
                .addMembersItem(new MemberRequest().subject(member2).fullName("Lê Văn Thành viên").role(MemberRole.MEMBER))
                .addMembersItem(new MemberRequest().subject(subject("secretary")).fullName("Phạm Thị Thư ký").role(MemberRole.SECRETARY)),
                "tinh-qng-council-" + taxCode);
        SessionsApi sessions = new SessionsApi(evaluation(ProvincialRound.OFFICER));
        SessionRequest sessionRequest = new SessionRequest().councilId(council.getId()).heldOn(ProvincialRound.TODAY)
                .addProductIdsItem(ginseng.getId());
        Session[] opened = new Session[1];
        // The session takes the product only once ApplicationSubmitted has crossed the broker (a typed 422 until then).
        ProvincialRound.eventually("evaluation receives the accepted dossier")
                .ignoreExceptionsInstanceOf(vn.ocop.client.evaluation.ApiException.class)
                .untilAsserted(() -> opened[0] = sessions.createSession(sessionRequest, null));
        Session session = opened[0];
        assertThat(session.getProducts()).singleElement().satisfies(item -> {
            assertThat(item.getProductCode()).isEqualTo(ginseng.getCode());
            assertThat(item.getCriteriaSetId()).isEqualTo(ProvincialRound.CRITERIA_SET);
            assertThat(item.getStatus()).hasToString("PENDING");
        });

        // The advisory team's report, and its signed scan through the generated upload method (typed by its content).
        sessions.attachAdvisoryReport(session.getId(), new AdvisoryReportRequest().summary("Đã thẩm định hồ sơ và khảo sát vùng trồng")
                .addRecommendationsItem(new RecommendationRequest().productId(ginseng.getId()).recommendation("Đề nghị đánh giá 4 sao"))
                .author("Tổ trưởng tổ tư vấn Đinh Văn Núp").reportDate(ProvincialRound.TODAY), null);
        Path report = Files.write(files.resolve("bao-cao-to-tu-van.pdf"), PDF);
        AdvisoryReportFile reportFile = sessions.uploadAdvisoryReportFile(session.getId(), report.toFile(), null, null);
        assertThat(reportFile.getContentType()).isEqualTo("application/pdf");
        assertThat(reportFile.getFileName()).isEqualTo("bao-cao-to-tu-van.pdf");
        assertThat(reportFile.getSha256()).isEqualTo(sha256(PDF));

        // Every 4★ minimum met; points dropped on unmarked criteria: sheets of 76, 74 and 75, average 75.00 (4★: 70 to < 90).
        CriteriaSet criteria = new CriteriaSetsApi(evaluation(ProvincialRound.OFFICER)).getCriteriaSet(ProvincialRound.CRITERIA_SET);
        Map<String, String> fourStars = best(criteria, "10.1", "10.1.b", "6.1", "6.1.a", "6.2", "6.2.a", "8.1", "8.1.a",
                "4.2", "4.2.a", "1.6", "1.6.a", "3.3", "3.3.a", "3.4", "3.4.a");
        assertThat(sheet(chair, session, ginseng.getId(), fourStars).getTotal()).isEqualByComparingTo("76");
        assertThat(sheet(member1, session, ginseng.getId(), with(fourStars, "12.1", "12.1.a")).getTotal()).isEqualByComparingTo("74");
        SessionsApi asChair = new SessionsApi(evaluation(member(chair)));
        CloseRequest close = new CloseRequest().productId(ginseng.getId());
        vn.ocop.client.evaluation.model.Problem early = evaluationProblem(() -> asChair.closeSessionProduct(session.getId(), close, null), 422);
        assertThat(early.getCode().getValue()).isEqualTo("QUORUM_NOT_MET");
        assertThat(sheet(member2, session, ginseng.getId(), with(fourStars, "7.1", "7.1.b")).getTotal()).isEqualByComparingTo("75");
        Result result = asChair.closeSessionProduct(session.getId(), close, null);
        assertThat(result.getSheetCount()).isEqualTo(3);
        assertThat(result.getAverageScore()).isEqualByComparingTo("75");
        assertThat(result.getStars()).isEqualTo(4);
        assertThat(result.getOutcome()).isEqualTo(RatingOutcome.CERTIFIABLE);

        // --- The province's recognition decision issues the certificate (36 months); retried with its key, no second one.
        String decisionNumber = ThreadLocalRandom.current().nextInt(10_000, 1_000_000) + "/QĐ-UBND";
        RecognitionRequest recognition = new RecognitionRequest().decisionNumber(decisionNumber).decidedOn(ProvincialRound.TODAY)
                .addResultIdsItem(result.getId());
        CertificatesApi certificates = new CertificatesApi(evaluation(ProvincialRound.OFFICER));
        RecognitionDecision decision = certificates.recogniseResults(recognition, "tinh-qng-decision-" + taxCode);
        assertThat(certificates.recogniseResults(recognition, "tinh-qng-decision-" + taxCode).getId()).isEqualTo(decision.getId());
        assertThat(decision.getLevel()).hasToString("PROVINCIAL");
        Certificate certificate = decision.getCertificates().get(0);
        assertThat(decision.getCertificates()).hasSize(1);
        assertThat(certificate.getProductId()).isEqualTo(ginseng.getId());
        assertThat(certificate.getNumber()).startsWith("OCOP-" + PROVINCE + "-" + ProvincialRound.TODAY.getYear() + "-");
        assertThat(certificate.getStars()).isEqualTo(4);
        assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(certificate.getValidUntil()).isEqualTo(ProvincialRound.TODAY.plusMonths(36));
        assertThat(new ResultsApi(evaluation(ProvincialRound.OFFICER)).getResult(result.getId()).getRecognised()).isTrue();

        // --- Anyone can verify the certificate on the registry's public endpoint.
        ApiClient noToken = new ApiClient();
        noToken.updateBaseUri(stack.baseUrl("registry"));
        PublicApi anonymous = new PublicApi(noToken);
        CertificateVerification[] verified = new CertificateVerification[1];
        // Until the CertificateIssued event reaches the registry, the number is unknown there (404, a typed ApiException).
        ProvincialRound.eventually("registry learns of the certificate")
                .ignoreExceptionsInstanceOf(ApiException.class).untilAsserted(() -> {
            verified[0] = anonymous.verifyCertificate(certificate.getNumber());
            assertThat(verified[0].getStatus()).hasToString("VALID");
        });
        assertThat(verified[0].getProductId()).isEqualTo(ginseng.getId());
        assertThat(verified[0].getProductCode()).isEqualTo(ginseng.getCode());
        assertThat(verified[0].getProvinceCode()).isEqualTo(PROVINCE);
        assertThat(verified[0].getStars()).isEqualTo(4);
        assertThat(verified[0].getValidUntil()).isEqualTo(ProvincialRound.TODAY.plusMonths(36));
        Problem unknown = problem(() -> anonymous.verifyCertificate("OCOP-" + PROVINCE + "-1999-99999"), 404);
        assertThat(unknown.getCode().getValue()).isEqualTo("CERTIFICATE_NOT_FOUND");
    }

    /** A client of the registry acting with a bearer token, as an integrator configures it. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.baseUrl("registry"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A client of evaluation acting with a bearer token. */
    private vn.ocop.client.evaluation.ApiClient evaluation(String token) {
        vn.ocop.client.evaluation.ApiClient client = new vn.ocop.client.evaluation.ApiClient();
        client.updateBaseUri(stack.baseUrl("evaluation"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A council member submits a score sheet with their own token (the subject is what the council lists). */
    private ScoreSheet sheet(String member, Session session, UUID productId, Map<String, String> choices)
            throws vn.ocop.client.evaluation.ApiException {
        return new ScoreSheetsApi(evaluation(member(member))).submitScoreSheet(session.getId(),
                new ScoreSheetRequest().productId(productId).choices(choices).knockOuts(List.of()), null);
    }

    private static String member(String subject) {
        return Tokens.of(subject, "council-member").mint();
    }

    private static String subject(String role) {
        return role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ocop.gov.vn";
    }

    /** The highest-scoring option of every criterion of the set, with overrides (criterion, option, …). */
    private static Map<String, String> best(CriteriaSet set, String... overrides) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (CriteriaPart part : set.getParts()) {
            for (CriteriaGroup group : part.getGroups()) {
                for (Criterion criterion : group.getCriteria()) {
                    choices.put(criterion.getCode(), criterion.getOptions().stream()
                            .max(Comparator.comparing(CriterionOption::getPoints)).orElseThrow().getCode());
                }
            }
        }
        return with(choices, overrides);
    }

    private static Map<String, String> with(Map<String, String> choices, String... overrides) {
        Map<String, String> copy = new LinkedHashMap<>(choices);
        for (int i = 0; i < overrides.length; i += 2) {
            assertThat(copy).as("criterion %s exists", overrides[i]).containsKey(overrides[i]);
            copy.put(overrides[i], overrides[i + 1]);
        }
        return copy;
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @FunctionalInterface
    private interface Call {
        void run() throws ApiException;
    }

    @FunctionalInterface
    private interface EvaluationCall {
        void run() throws vn.ocop.client.evaluation.ApiException;
    }

    /** {@link #problem} for the evaluation client, whose ApiException and Problem are its own generated classes. */
    private static vn.ocop.client.evaluation.model.Problem evaluationProblem(EvaluationCall call, int status) throws IOException {
        vn.ocop.client.evaluation.ApiException refused = catchThrowableOfType(vn.ocop.client.evaluation.ApiException.class, call::run);
        assertThat(refused).as("the call was refused").isNotNull();
        assertThat(refused.getCode()).isEqualTo(status);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return new vn.ocop.client.evaluation.ApiClient().getObjectMapper()
                .readValue(refused.getResponseBody(), vn.ocop.client.evaluation.model.Problem.class);
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
