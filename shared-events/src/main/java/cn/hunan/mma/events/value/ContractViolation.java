package cn.hunan.mma.events.value;

import java.util.Objects;

/**
 * The single unchecked exception for input that breaks the contract. The message states the
 * expected form and never echoes the offending value: a rejected value may be a national ID
 * number, and messages end up in logs and dead-letter headers.
 */
public final class ContractViolation extends IllegalArgumentException {

    private final Reason reason;
    private final String field;

    /**
     * @param reason  why the input was refused
     * @param field   the offending field, relative to the object that refused it; {@code null}
     *                when a value type refuses its own text (the codec then knows the JSON path)
     * @param message what was expected, without the rejected value
     */
    public ContractViolation(Reason reason, String field, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public static ContractViolation missing(String field) {
        return new ContractViolation(Reason.MISSING_FIELD, field, field + " is required");
    }

    public static ContractViolation invalid(String field, String message) {
        return new ContractViolation(Reason.INVALID_VALUE, field, message);
    }

    /** The same violation attributed to a field, for value checks made inside a record's constructor. */
    public ContractViolation atField(String field) {
        return new ContractViolation(reason, field, getMessage());
    }

    public Reason reason() {
        return reason;
    }

    /** The field that failed, or {@code null} when a value type rejected its own text. */
    public String field() {
        return field;
    }

    /** Stack traces are noise for validation failures, which are expected at high rates. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
