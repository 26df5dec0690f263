package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;

import java.util.Optional;

/**
 * Which institutions an operator lists: optionally within a division and at a level, one page
 * (0-based) at a time. Out-of-range paging is refused naming the parameter ({@code page}, {@code size}).
 */
public record InstitutionFilter(Optional<DivisionCode> division, Optional<Level> level, int page, int size) {

    public static final int MAX_SIZE = 500;

    public int offset() {
        return page * size;
    }

    public InstitutionFilter {
        if (page < 0) {
            throw ContractViolation.invalid("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ContractViolation.invalid("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ContractViolation.invalid("page", "page is beyond the last possible page");
        }
    }
}
