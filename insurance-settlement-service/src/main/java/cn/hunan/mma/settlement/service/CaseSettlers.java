package cn.hunan.mma.settlement.service;

import cn.hunan.mma.settlement.domain.cases.CaseSettler;
import cn.hunan.mma.settlement.domain.cases.DipCatalogue;
import cn.hunan.mma.settlement.domain.cases.DrgWeights;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CaseSettler} per parameter version, over the real Changsha 2023 DRG weights and the
 * version's own DIP catalogue (DIP scores are not public: a DIP area loads its catalogue with its rules); and one per
 * version and cleared point value, for DIP cases settled after their year's clearing.
 */
@ApplicationScoped
public class CaseSettlers {

    private final DrgWeights drgWeights = DrgWeights.changsha2023();
    private final Map<String, CaseSettler> byVersion = new ConcurrentHashMap<>();
    private final Map<String, CaseSettler> byClearedVersion = new ConcurrentHashMap<>();

    public CaseSettler of(ParameterVersion version) {
        return byVersion.computeIfAbsent(version.versionId(),
                id -> new CaseSettler(version.parameters().caseRules(), drgWeights,
                        new DipCatalogue(version.parameters().dipCatalogue())));
    }

    /** The version's settler at the point value a year-end clearing fixed. */
    public CaseSettler of(ParameterVersion version, BigDecimal clearedPointValue) {
        return byClearedVersion.computeIfAbsent(version.versionId() + "@" + clearedPointValue.toPlainString(),
                id -> new CaseSettler(version.parameters().caseRules().withDipPointValue(clearedPointValue), drgWeights,
                        new DipCatalogue(version.parameters().dipCatalogue())));
    }
}
