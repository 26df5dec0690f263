package cn.hunan.mma.simulator.reference;

import java.util.Objects;

/**
 * The part of Hunan to simulate: the whole province ({@code 43} or {@code 430000}), a prefecture
 * ({@code 430300} 湘潭市) or one county-level unit ({@code 430103} 天心区).
 */
public final class Area {

    private final String code;
    private final String prefix;
    private final DivisionLevel level;

    private Area(String code, String prefix, DivisionLevel level) {
        this.code = code;
        this.prefix = prefix;
        this.level = level;
    }

    public static Area parse(String text) {
        Objects.requireNonNull(text, "area");
        String code = text.trim();
        if (code.equals("43")) {
            code = "430000";
        }
        if (!code.matches("43[0-9]{4}")) {
            throw new IllegalArgumentException("area must be 43 (Hunan), a prefecture such as 430300 or a county such as 430103");
        }
        if (code.endsWith("0000")) {
            return new Area(code, "43", DivisionLevel.PROVINCE);
        }
        if (code.endsWith("00")) {
            return new Area(code, code.substring(0, 4), DivisionLevel.PREFECTURE);
        }
        return new Area(code, code, DivisionLevel.COUNTY);
    }

    public static Area province() {
        return parse("43");
    }

    /** The six-digit code of the area itself. */
    public String code() {
        return code;
    }

    public DivisionLevel level() {
        return level;
    }

    /** True when a division (any length) lies in the area. */
    public boolean contains(String divisionCode) {
        return divisionCode.startsWith(prefix);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Area area && area.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
