package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An administrative division: GB/T 2260 six-digit codes for province (430000), prefecture
 * (430300 湘潭市) and county (430321 湘潭县), extended by the statistical codes for townships
 * (9 digits) and villages (12 digits), each of which starts with its county's code.
 */
public record DivisionCode(@JsonValue String value) {

    public static final String PATTERN = "^[1-9][0-9]{5}([0-9]{3}([0-9]{3})?)?$";

    /** How fine a division a code names. */
    public enum Granularity { PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DivisionCode {
        if (value == null) {
            throw ContractViolation.missing("division code");
        }
        int length = value.length();
        if ((length != 6 && length != 9 && length != 12) || !allDigits(value) || value.charAt(0) == '0') {
            throw new ContractViolation(Reason.MALFORMED_DIVISION_CODE, null,
                    "division code must be 6 (GB/T 2260), 9 (township) or 12 (village) digits");
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value);
    }

    public Granularity granularity() {
        return switch (value.length()) {
            case 12 -> Granularity.VILLAGE;
            case 9 -> Granularity.TOWNSHIP;
            default -> value.endsWith("0000") ? Granularity.PROVINCE
                    : value.endsWith("00") ? Granularity.PREFECTURE : Granularity.COUNTY;
        };
    }

    /** E.g. 430000 for anything in Hunan. */
    public DivisionCode provinceCode() {
        return new DivisionCode(value.substring(0, 2) + "0000");
    }

    /** The prefecture: the first four digits and "00", e.g. 430300 for 430321 湘潭县. */
    public DivisionCode cityCode() {
        return new DivisionCode(value.substring(0, 4) + "00");
    }

    /** The six-digit code: the county for county and finer codes, the code itself above. */
    public DivisionCode countyCode() {
        return value.length() == 6 ? this : new DivisionCode(value.substring(0, 6));
    }

    /** True when this division lies inside (or is) the other one. */
    public boolean isWithin(DivisionCode other) {
        return value.startsWith(other.significantPrefix());
    }

    /**
     * The digits that identify this division; every division inside it starts with them (43 for
     * the province 430000, 4303 for the city 430300, the code itself below), e.g. for SQL
     * {@code LIKE 'prefix%'} queries over stored codes.
     */
    public String significantPrefix() {
        return switch (granularity()) {
            case PROVINCE -> value.substring(0, 2);
            case PREFECTURE -> value.substring(0, 4);
            default -> value;
        };
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
