package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.List;

/**
 * Turns what Jackson throws into a rejection with a reason and a JSON path. Messages are our own:
 * Jackson's quote the offending input, which may be a national ID number.
 */
final class Rejections {

    private Rejections() {
    }

    static <V extends ContractRecord> DecodeResult.Rejected<V> of(Reason reason, String path, String message) {
        return new DecodeResult.Rejected<>(reason, path, message);
    }

    static <V extends ContractRecord> DecodeResult.Rejected<V> from(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return fromMapping(mapping);
        }
        return of(Reason.MALFORMED_JSON, "$", "not valid JSON" + at(e.getLocation()));
    }

    static <V extends ContractRecord> DecodeResult.Rejected<V> from(ContractViolation violation, String path) {
        return of(violation.reason(), violation.field() == null ? path : path + "." + violation.field(),
                violation.getMessage());
    }

    private static <V extends ContractRecord> DecodeResult.Rejected<V> fromMapping(JsonMappingException e) {
        String path = path(e.getPath());
        ContractViolation violation = violationIn(e);
        if (violation != null) {
            return from(violation, path);
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return fromTypeId(typeId);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return of(Reason.INVALID_VALUE, path, "expected one of " + List.of(format.getTargetType().getEnumConstants()));
        }
        if (e instanceof InvalidNullException) {
            return of(Reason.MISSING_FIELD, path, lastSegment(path) + " is required");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return of(Reason.WRONG_TYPE, path, "expected " + describe(mismatch.getTargetType()) + at(e.getLocation()));
        }
        if (e.getCause() instanceof StreamReadException) {
            return of(Reason.MALFORMED_JSON, "$", "not valid JSON" + at(e.getLocation()));
        }
        return of(Reason.INVALID_VALUE, path, "value cannot be read as the contract type");
    }

    private static <V extends ContractRecord> DecodeResult.Rejected<V> fromTypeId(InvalidTypeIdException e) {
        String path = "$." + ContractRecord.TYPE_PROPERTY;
        String typeId = e.getTypeId();
        if (typeId == null) {
            return of(Reason.MISSING_FIELD, path, "type is required: the wire name of the event type");
        }
        if (EventTypes.classOf(typeId).isPresent()) {
            return of(Reason.UNEXPECTED_EVENT_TYPE, path, typeId + " does not belong on this topic; expected "
                    + describe(e.getBaseType()));
        }
        return of(Reason.UNKNOWN_EVENT_TYPE, path, "type names no registered event type");
    }

    private static ContractViolation violationIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContractViolation violation) {
                return violation;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** "$.procedures[1]" from Jackson's reference chain. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (type == String.class || type.isRecord() && type.getPackageName().endsWith(".value")) {
            return "a string (" + type.getSimpleName() + ")";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return type.isEnum() ? "a string (" + type.getSimpleName() + ")" : "an object (" + type.getSimpleName() + ")";
    }

    private static String describe(JavaType type) {
        return type == null ? "another event type" : type.getRawClass().getSimpleName();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
