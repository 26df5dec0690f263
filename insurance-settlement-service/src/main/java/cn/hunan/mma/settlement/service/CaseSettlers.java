package cn.hunan.mma.settlement.service;

import cn.hunan.mma.settlement.domain.cases.CaseSettler;
import cn.hunan.mma.settlement.domain.cases.DrgWeights;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CaseSettler} per parameter version, over the real Changsha 2023 DRG weights. No DIP
 * catalogue ships (DIP scores are not public), so DIP areas settle nothing until one is supplied.
 */
@ApplicationScoped
public class CaseSettlers {

    private final DrgWeights drgWeights = DrgWeights.changsha2023();
    private final Map<String, CaseSettler> byVersion = new ConcurrentHashMap<>();

    public CaseSettler of(ParameterVersion version) {
        return byVersion.computeIfAbsent(version.versionId(),
                id -> new CaseSettler(version.parameters().caseRules(), drgWeights, Map.of()));
    }
}
