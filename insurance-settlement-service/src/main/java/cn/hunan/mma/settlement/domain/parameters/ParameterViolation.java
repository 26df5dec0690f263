package cn.hunan.mma.settlement.domain.parameters;

/** An area parameter set that cannot be used, naming the offending field (e.g. {@code closeRules.tiers}). */
public class ParameterViolation extends IllegalArgumentException {

    private final String field;

    public ParameterViolation(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
