package vn.ocop.registry.province;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.JsonProblems;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.web.StrictJson;

/** The commune list: paged reading with a diacritic-insensitive name filter, bulk loading, and code validation. */
@ApplicationScoped
public class CommuneService {

    /** Outcome of a list upload. */
    @Schema(name = "CommuneLoadResult", description = "Counts of a commune list upload")
    public record LoadResult(@Schema(example = "3321") int received, @Schema(example = "12") int inserted,
                             @Schema(example = "4") int updated, @Schema(example = "3305") int unchanged) {
    }

    @Inject
    ProvinceDirectory provinces;

    /** The API's strict reader: duplicate keys, unknown fields, wrong JSON types and control characters refused. */
    @Inject
    StrictJson strict;

    @Inject
    Validator validator;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommuneView> list(String provinceCode, String nameContains, CommuneKind kind, PageRequest page) {
        ProvinceDirectory.ResolvedProvince province;
        try {
            province = provinces.resolve("code", provinceCode);
        } catch (ApiException e) {
            throw ApiException.notFound("Province", provinceCode);
        }
        StringBuilder query = new StringBuilder("provinceCode = :province");
        Parameters params = Parameters.with("province", province.province().code);
        if (nameContains != null && !nameContains.isBlank()) {
            query.append(" and searchName like :name");
            params.and("name", "%" + SearchText.fold(nameContains).replaceAll("[%_\\\\]", "") + "%");
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        return Page.of(Commune.find(query.toString(), Sort.by("searchName").and("code"), params), page, CommuneView::of);
    }

    /**
     * Inserts or updates communes by code. All rows are checked first; if any is wrong nothing is written and every
     * problem is reported as {@code [i].field} (i = row number - 1, as the bulk import names rows), so a list is never
     * half loaded.
     */
    @Transactional
    public LoadResult load(String mediaType, String body) {
        List<Rows.Row> rows = Rows.read(strict.mapper(), mediaType, body);
        if (rows.isEmpty()) {
            throw ApiException.invalidField("body", "contains no rows");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<CommuneRequest> requests = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Rows.Row row : rows) {
            String at = "[" + (row.number() - 1) + "]";
            if (row.error() != null) {
                violations.add(new Problem.Violation(at, row.error()));
                continue;
            }
            CommuneRequest request;
            try {
                request = strict.mapper().treeToValue(row.value(), CommuneRequest.class);
            } catch (JsonProcessingException e) {
                Problem.Violation why = JsonProblems.violation(e); // names the field and the JSON type it needs
                violations.add("body".equals(why.field()) ? new Problem.Violation(at, why.message())
                        : new Problem.Violation(at + "." + why.field(), why.message()));
                continue;
            }
            for (ConstraintViolation<CommuneRequest> v : validator.validate(request)) {
                violations.add(new Problem.Violation(at + "." + v.getPropertyPath(), v.getMessage()));
            }
            if (request.kind() != null && !request.kind().isBlank() && CommuneKind.parse(request.kind()) == null) {
                violations.add(new Problem.Violation(at + ".kind", "must be COMMUNE, WARD, SPECIAL_ZONE (xã, phường, đặc khu)"));
            }
            if (request.provinceCode() != null && request.provinceCode().matches("\\d{2}")
                    && Province.findById(request.provinceCode()) == null) {
                violations.add(new Problem.Violation(at + ".provinceCode",
                        "not a province of the 2025 list (resolve former codes with GET /api/v1/provinces/resolve)"));
            }
            if (request.code() != null && !seen.add(request.code())) {
                violations.add(new Problem.Violation(at + ".code", "commune " + request.code() + " appears twice"));
            }
            requests.add(request);
        }
        if (!violations.isEmpty()) {
            throw new ApiException(400, "VALIDATION_FAILED", "Request validation failed",
                    violations.size() + " problem(s) in the commune list; nothing was loaded", violations);
        }
        int inserted = 0;
        int updated = 0;
        Instant now = Instant.now();
        for (CommuneRequest request : requests) {
            Commune commune = Commune.findById(request.code());
            CommuneView before = commune == null ? null : CommuneView.of(commune);
            if (commune == null) {
                commune = new Commune();
                commune.code = request.code();
            }
            commune.name = request.name().trim();
            commune.kind = CommuneKind.parse(request.kind());
            commune.provinceCode = request.provinceCode();
            commune.unitList = ProvinceDirectory.CURRENT_UNIT_LIST;
            commune.searchName = SearchText.fold(commune.name);
            CommuneView after = CommuneView.of(commune);
            if (after.equals(before)) {
                continue;
            }
            commune.updatedAt = now;
            if (before == null) {
                commune.persist();
                inserted++;
            } else {
                updated++;
            }
            audit.record(before == null ? "commune.created" : "commune.updated", "commune", commune.code, before, after);
        }
        return new LoadResult(requests.size(), inserted, updated, requests.size() - inserted - updated);
    }
}
