package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Money;

/**
 * A budget year's base spend as the insurance bureau's legacy settlement system recorded it.
 *
 * @param baseSpend the covered residents' fund-paid spend in the base year (yuan, e.g. "500000000.00"), inpatient and
 *                  outpatient, out-of-area care included
 * @param source    the legacy statement the figure comes from (free text, at most 500 characters): what a reviewing
 *                  officer or an auditor checks it against
 */
public record DeclaredBaseRequest(Money baseSpend, String source) {

    static final int MAX_SOURCE = 500;

    /** The request with its source stripped, or a 400 naming the field. */
    static DeclaredBaseRequest checked(DeclaredBaseRequest request) {
        if (request == null || request.baseSpend() == null) {
            throw ContractViolation.missing("baseSpend");
        }
        if (request.baseSpend().isZero()) {
            // A population without a yuan of fund-paid care in a year is data missing, as the platform's empty base is.
            throw ContractViolation.invalid("baseSpend", "baseSpend must be more than zero");
        }
        if (request.source() == null || request.source().isBlank()) {
            throw ContractViolation.missing("source");
        }
        String source = request.source().strip();
        if (source.length() > MAX_SOURCE) {
            throw ContractViolation.invalid("source", "source must be at most " + MAX_SOURCE + " characters");
        }
        if (source.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            // PostgreSQL stores no NUL in text, and a control character in an audited reference helps no one.
            throw ContractViolation.invalid("source", "source must hold no control characters other than line breaks and tabs");
        }
        return new DeclaredBaseRequest(request.baseSpend(), source);
    }
}
