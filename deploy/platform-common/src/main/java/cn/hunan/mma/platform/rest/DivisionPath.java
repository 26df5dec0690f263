package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.Jurisdiction;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Reads a division code from a path parameter, answering 400 (problem+json) when it is malformed. */
final class DivisionPath {

    private DivisionPath() {
    }

    static Jurisdiction parse(String divisionCode) {
        try {
            return Jurisdiction.ofDivision(DivisionCode.of(divisionCode));
        } catch (ContractViolation e) {
            throw new WebApplicationException(ProblemResponses.of(Problem.of(400, "Invalid division code",
                    "'" + divisionCode + "' is not a GB/T 2260 division code (6, 9 or 12 digits)")));
        }
    }
}
