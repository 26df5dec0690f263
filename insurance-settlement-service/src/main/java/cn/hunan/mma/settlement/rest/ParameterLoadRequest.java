package cn.hunan.mma.settlement.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * A new version of an area's rules.
 *
 * @param effectiveFrom the first day the version applies (cases discharged, budget years and periods from then)
 * @param parameters    {@code {"budget": …, "caseRules": …, "closeRules": …}}, read strictly by {@code AreaParameters}
 */
public record ParameterLoadRequest(LocalDate effectiveFrom, JsonNode parameters) {
}
