package vn.ocop.evaluation.criteria.sheet;

import java.util.List;

import vn.ocop.platform.problem.ApiException;

/** A criteria sheet that cannot become a draft, with every problem found in it (400 {@value #CODE}). */
public class SheetRejected extends ApiException {
    public static final String CODE = "INVALID_CRITERIA_SHEET";

    private final List<SheetError> errors;

    public SheetRejected(List<SheetError> errors) {
        super(400, CODE, "Invalid criteria sheet", errors.size() + " problem(s) in the criteria sheet; nothing was stored");
        this.errors = List.copyOf(errors);
    }

    public List<SheetError> errors() {
        return errors;
    }
}
