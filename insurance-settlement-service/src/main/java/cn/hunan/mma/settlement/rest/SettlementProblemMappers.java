package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import cn.hunan.mma.settlement.service.AllianceDissolvedException;
import cn.hunan.mma.settlement.service.NoParametersInForceException;
import cn.hunan.mma.settlement.service.NotBudgetHoldingException;
import cn.hunan.mma.settlement.service.UnknownAllianceException;
import cn.hunan.mma.settlement.service.UnreadableParametersException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problems that any settlement endpoint can meet, mapped once for all of them. */
public class SettlementProblemMappers {

    // Budgets, closes and case settlement all need the area's parameter version in force.
    @ServerExceptionMapper
    public Response noParameters(NoParametersInForceException e) {
        return ProblemResponses.of(Problem.of(409, "No parameters in force", e.getMessage()));
    }

    // Closes (and the spend and rates they gather) need the alliance's make-up from the matrix.
    @ServerExceptionMapper
    public Response unreadableParameters(UnreadableParametersException e) {
        return ProblemResponses.of(Problem.of(409, "Parameters not readable", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownAlliance(UnknownAllianceException e) {
        return ProblemResponses.of(Problem.of(404, "Unknown alliance", e.getMessage()));
    }

    // Budgets and closes both meet an alliance the matrix has dissolved.
    @ServerExceptionMapper
    public Response dissolved(AllianceDissolvedException e) {
        return ProblemResponses.of(Problem.of(409, "Alliance dissolved", e.getMessage()));
    }

    // Budgets and closes both meet a specialty alliance, which holds no budget.
    @ServerExceptionMapper
    public Response notBudgetHolding(NotBudgetHoldingException e) {
        return ProblemResponses.of(Problem.of(409, "Not a budget-holding alliance", e.getMessage()));
    }
}
