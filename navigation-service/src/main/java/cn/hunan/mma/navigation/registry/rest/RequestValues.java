package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.ContractViolation;
import jakarta.ws.rs.BadRequestException;

import java.util.Arrays;
import java.util.function.Function;

/** Values taken from a request (path or body): parsed by the contract and attributed to their field. */
final class RequestValues {

    private RequestValues() {
    }

    /** The value, or a ContractViolation naming the field (value types refuse their text without one). */
    static <T> T parsed(String field, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (ContractViolation e) {
            throw e.atField(field);
        }
    }

    /**
     * The enum constant of that name. Bodies carry enums as text and are parsed here because an
     * unknown name left to Jackson is answered by Quarkus' own mismatched-input mapper, as plain
     * JSON rather than problem+json.
     */
    static <E extends Enum<E>> E constant(String field, String name, Class<E> type) {
        if (name == null) {
            throw ContractViolation.missing(field);
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElseThrow(() -> ContractViolation.invalid(field,
                        field + " must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    /** Ids never change: a body that repeats the path's id must repeat it exactly. */
    static void requireSame(String field, String inBody, String inPath) {
        if (inBody != null && !inBody.equals(inPath)) {
            throw new BadRequestException(field + ": must equal the id in the path (ids never change)");
        }
    }
}
