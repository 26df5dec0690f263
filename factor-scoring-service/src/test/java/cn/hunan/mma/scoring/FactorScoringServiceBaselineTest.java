package cn.hunan.mma.scoring;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.testing.ServiceBaselineContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The platform baseline (probes, metrics, docs, token and scope checks) against the real application. */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(RealJwtTestResource.class)
class FactorScoringServiceBaselineTest extends ServiceBaselineContract {
}
