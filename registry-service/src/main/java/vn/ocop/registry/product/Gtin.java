package vn.ocop.registry.product;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A GS1 trade item number (barcode): 8, 12, 13 or 14 digits whose last digit is the GS1 check digit. Null is valid. */
@Documented
@Constraint(validatedBy = Gtin.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Gtin {
    String message() default "must be a GTIN of 8, 12, 13 or 14 digits with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Gtin, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidGtin(value);
        }

        /** GS1 check digit: weights 3, 1, 3, … from the digit left of the check digit leftwards. */
        public static boolean isValidGtin(String value) {
            int length = value.length();
            if (!value.matches("\\d+") || !(length == 8 || length == 12 || length == 13 || length == 14)) {
                return false;
            }
            int sum = 0;
            for (int i = length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
                sum += (value.charAt(i) - '0') * weight;
            }
            return (10 - sum % 10) % 10 == value.charAt(length - 1) - '0';
        }
    }
}
