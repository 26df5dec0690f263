package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of the whole scoring configuration: measures (what the topology counts), indicators
 * (how totals become scores) and the factor weights of the composite, in force from a date.
 */
public record RuleSet(String version, LocalDate effectiveFrom, Map<Factor, BigDecimal> factorWeights,
                      List<MeasureDefinition> measures, List<IndicatorDefinition> indicators) {

    public RuleSet {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        factorWeights = factorWeights == null ? Map.of() : Map.copyOf(new EnumMap<>(factorWeights));
        measures = measures == null ? List.of() : List.copyOf(measures);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public Optional<MeasureDefinition> measure(String id) {
        return measures.stream().filter(measure -> measure.id().equals(id)).findFirst();
    }

    public List<IndicatorDefinition> indicatorsOf(Factor factor) {
        return indicators.stream().filter(indicator -> indicator.factor() == factor).toList();
    }

    public BigDecimal weightOf(Factor factor) {
        return factorWeights.getOrDefault(factor, BigDecimal.ZERO);
    }

    /** The same measures with other indicators or weights: what can change without a replay. */
    public boolean countsTheSameAs(RuleSet other) {
        return measures.equals(other.measures);
    }
}
