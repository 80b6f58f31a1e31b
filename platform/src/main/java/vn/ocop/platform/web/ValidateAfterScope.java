package vn.ocop.platform.web;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Bean Validation of a request body, run by the resource once the caller's scope has been checked. With {@code @Valid}
 * on the parameter, the container validates before the method runs, so a caller outside the record's scope would learn
 * from a 400 that the record exists (or which fields it failed); resources that check scope first call
 * {@link #check} right after it instead. The answer is the same 400 {@code VALIDATION_FAILED}.
 */
@ApplicationScoped
public class ValidateAfterScope {
    private final Validator validator;

    @Inject
    public ValidateAfterScope(Validator validator) {
        this.validator = validator;
    }

    /** @return the body, valid; a {@code null} body is left to the parameter's {@code @NotNull} */
    public <T> T check(T body) {
        if (body == null) {
            return null;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
