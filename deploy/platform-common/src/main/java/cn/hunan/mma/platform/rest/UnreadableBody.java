package cn.hunan.mma.platform.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import java.util.List;

/**
 * What was wrong with a request body Jackson could not read. Jackson's own messages quote the input, which may be a
 * national ID number typed into the wrong field: this says where (line and column, or the field's path) and what was
 * expected (a JSON shape, see {@link ExpectedShape}), never what was sent.
 */
final class UnreadableBody {

    static final String TITLE = "Malformed request body";

    private UnreadableBody() {
    }

    static Problem of(JsonProcessingException e) {
        InputCoercionException outOfRange = outOfRange(e);
        if (outOfRange != null && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // A number too large for its field (99999999999 for an int): the field's problem, not a syntax one. Not
            // named by the coercion's target type: an enum read by index coerces to an int too.
            return fieldProblem(path(mapping), "number out of range");
        }
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            return Problem.of(400, TITLE, "the body is not valid JSON: " + whatEnded(syntax) + at(syntax.getLocation()));
        }
        if (e instanceof PropertyBindingException unknown) {
            return fieldProblem(path(unknown), "unknown field");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = "expected " + ExpectedShape.of(mismatch.getTargetType());
            if (mismatch.getPath().isEmpty()) {
                return Problem.of(400, TITLE, "the body is valid JSON of the wrong shape: " + expected);
            }
            return fieldProblem(path(mismatch), expected);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fieldProblem(path(mapping), "invalid value");
        }
        return Problem.of(400, TITLE, "the body could not be read as the expected JSON");
    }

    /**
     * The field as a client writes it: {@code members[2].institutionId}, the contract's own form ({@code Checks.list});
     * an index follows its list without a dot ({@code members.[2]} before 2026-11-25 (9), helper-116).
     */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Problem fieldProblem(String field, String reason) {
        return Problem.of(400, TITLE, field + ": " + reason).withErrors(List.of(new Problem.FieldError(field, reason)));
    }

    /**
     * The parser's error, also when data binding wrapped it with the path of the field it was reading. Not a number out
     * of its type's range: Jackson raises that as a {@code StreamReadException} too, but the JSON is valid (helper-112).
     */
    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException syntax && !(cause instanceof InputCoercionException)) {
                return syntax;
            }
        }
        return null;
    }

    private static InputCoercionException outOfRange(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputCoercionException coercion) {
                return coercion;
            }
        }
        return null;
    }

    private static String whatEnded(StreamReadException syntax) {
        return syntax instanceof JsonEOFException ? "it ends before the JSON is complete" : "unexpected text";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
