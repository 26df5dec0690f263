package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.platform.rest.Problem;
import cn.hunan.mma.platform.rest.ProblemResponses;
import jakarta.ws.rs.WebApplicationException;

/** The streams state is not RUNNING yet (starting, restoring, rebalancing): 503 problem+json. */
final class ScoresNotReadyException extends WebApplicationException {

    ScoresNotReadyException() {
        super(ProblemResponses.of(Problem.of(503, "Scores are not available yet",
                "the scorer's state is restoring; retry when it is RUNNING")));
    }
}
