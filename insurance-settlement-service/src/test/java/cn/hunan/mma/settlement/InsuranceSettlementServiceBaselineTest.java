package cn.hunan.mma.settlement;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import cn.hunan.mma.infra.testing.ServiceBaselineContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The platform baseline (probes, metrics, docs, token and scope checks) against the real application. */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
@QuarkusTestResource(RealJwtTestResource.class)
class InsuranceSettlementServiceBaselineTest extends ServiceBaselineContract {
}
