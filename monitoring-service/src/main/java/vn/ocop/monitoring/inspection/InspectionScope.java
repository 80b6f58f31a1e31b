package vn.ocop.monitoring.inspection;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;

/**
 * The one rule for monitoring's non-public records of a province: inspection plans, inspections (and so revocation
 * proposals), their evidence files, a complaint's details and photo. Central officers and auditors see them
 * everywhere, provincial roles in their own province. To anyone else such a record answers exactly like a missing one
 * (404 {@code NOT_FOUND}, same body), so that neither its existence nor its state leaks. Services call it first, then
 * validate the body (platform {@code ValidateAfterScope}), then apply their business rules. The documents state this
 * once, as the "Scope: …" sentence of each operation's {@code @ScopeRule(HIDDEN)}.
 */
@ApplicationScoped
public class InspectionScope {
    @Inject
    CurrentUser user;

    @Inject
    Scope scope;

    /** Whether the caller sees the non-public records of the province. */
    public boolean sees(String provinceCode) {
        if (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)) {
            return true;
        }
        boolean provincial = user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR)
                || user.hasRole(Roles.COMMUNE_OFFICER);
        return provincial && provinceCode != null && user.province().filter(provinceCode::equals).isPresent();
    }

    /**
     * The record to read, or the 404 a missing one gives.
     *
     * @param province the record's province
     * @param what     the kind of record, as the 404 names it ("Inspection")
     */
    public <T> T readable(T record, Function<T, String> province, String what, Object id) {
        if (record == null || !sees(province.apply(record))) {
            throw ApiException.notFound(what, id);
        }
        return record;
    }

    /** The record to act on: hidden like {@link #readable}; seen but not the caller's to change (an auditor) is 403. */
    public <T> T actable(T record, Function<T, String> province, String what, Object id) {
        readable(record, province, what, id);
        scope.requireProvince(province.apply(record));
        return record;
    }
}
