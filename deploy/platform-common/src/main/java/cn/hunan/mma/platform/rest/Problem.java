package cn.hunan.mma.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}): what went wrong, for the caller.
 * Never carries stack traces, SQL or patient data.
 *
 * @param errors field-level errors, when the problem is invalid input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(URI.create("about:blank"), title, status, detail, null, List.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    /** One invalid field: where (a JSON path or parameter name) and why. */
    public record FieldError(String field, String reason) {
    }
}
