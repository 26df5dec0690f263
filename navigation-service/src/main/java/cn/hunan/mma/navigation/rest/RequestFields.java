package cn.hunan.mma.navigation.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Values a client sent — a JSON field, a list element, a path or query parameter — parsed by the contract and, when
 * refused, refused in the client's words: the field as the client wrote it ({@code allianceId},
 * {@code memberIds[2]}, {@code division}) in the problem's {@code errors[].field} and at the start of its detail.
 * A value type refuses its own text naming itself ("alliance id is required", field {@code null} or its own name),
 * which tells a client nothing it can find in its request.
 */
public final class RequestFields {

    private RequestFields() {
    }

    /** The value, or a ContractViolation naming the field. */
    public static <T> T parsed(String field, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (ContractViolation e) {
            throw attributed(e, field);
        }
    }

    /** Each element parsed, refused naming its index ({@code memberIds[2]}); an absent list is empty. */
    public static <T> List<T> parsedEach(String field, List<String> texts, Function<String, T> parse) {
        if (texts == null) {
            return List.of();
        }
        List<T> values = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            values.add(parsed(field + "[" + i + "]", texts.get(i), parse));
        }
        return values;
    }

    /**
     * The enum constant of that name. Bodies carry some enums as text and are parsed here because an
     * unknown name left to Jackson is answered by Quarkus' own mismatched-input mapper, as plain
     * JSON rather than problem+json.
     */
    public static <E extends Enum<E>> E constant(String field, String name, Class<E> type) {
        if (name == null) {
            throw ContractViolation.missing(field);
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElseThrow(() -> ContractViolation.invalid(field,
                        field + " must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    /** Ids never change: a body that repeats the path's id must repeat it exactly. */
    public static void requireSame(String field, String inBody, String inPath) {
        if (inBody != null && !inBody.equals(inPath)) {
            throw ContractViolation.invalid(field, field + " must equal the one in the path (ids never change)");
        }
    }

    /**
     * The violation told of the field. Value types word their refusals "{@code <what> must …}", so the field takes
     * the place of their own name ("allianceId must be 1-64 letters, …"); a wording without "must" keeps the value
     * type's message after the field.
     */
    static ContractViolation attributed(ContractViolation e, String field) {
        if (e.reason() == Reason.MISSING_FIELD) {
            return ContractViolation.missing(field);
        }
        String message = e.getMessage();
        int predicate = message.indexOf(" must ");
        return new ContractViolation(e.reason(), field,
                predicate >= 0 ? field + message.substring(predicate) : field + ": " + message);
    }
}
