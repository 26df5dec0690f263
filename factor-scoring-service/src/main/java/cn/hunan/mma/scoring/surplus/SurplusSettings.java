package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.settlement.rules.close.CloseRules;
import cn.hunan.mma.settlement.rules.close.SeedCloseRules;
import cn.hunan.mma.settlement.rules.outcome.OverspendBand;
import cn.hunan.mma.settlement.rules.outcome.ScoreTier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the live projection needs besides the events: the close rules (the same record the settlement
 * service freezes into its snapshots), each member's documented base B_j, and how often it recomputes.
 * Read from {@code mma.surplus.*}; every default is the DOMAIN.md §7 seed (the settlement service's
 * seed parameters), so an unconfigured scorer projects with the rules a seed close uses.
 *
 * @param rulesVersion named in every projection, so a reader knows which parameters it used
 * @param bases        B_j by institution id; members not listed get {@code defaultBase}
 */
public record SurplusSettings(String rulesVersion, CloseRules rules, Map<String, BigDecimal> bases,
                              BigDecimal defaultBase, Duration interval) {

    public SurplusSettings {
        bases = Map.copyOf(bases);
    }

    public BigDecimal baseOf(String institutionId) {
        return bases.getOrDefault(institutionId, defaultBase);
    }

    /** The DOMAIN.md §7 seed rules, the same object the settlement service's seed and worked example use. */
    public static CloseRules seedRules() {
        return SeedCloseRules.DOMAIN_SEED;
    }

    /**
     * From MicroProfile Config (application.properties, environment, system properties). The topology is
     * built without CDI, so it reads the settings itself rather than having them injected.
     */
    public static SurplusSettings fromConfig() {
        return from(ConfigProvider.getConfig());
    }

    static SurplusSettings from(Config config) {
        CloseRules seed = seedRules();
        List<ScoreTier> tiers = config.getOptionalValue("mma.surplus.tiers", String.class)
                .map(SurplusSettings::tiers).orElse(seed.tiers());
        List<OverspendBand> bands = config.getOptionalValue("mma.surplus.bands", String.class)
                .map(SurplusSettings::bands).orElse(seed.bands());
        CloseRules rules = new CloseRules(tiers,
                config.getOptionalValue("mma.surplus.surplus-cap-share", BigDecimal.class).orElse(null),
                bands,
                decimal(config, "mma.surplus.special-circumstance-alliance-share", seed.specialCircumstanceAllianceShare()),
                decimal(config, "mma.surplus.reserve-share", seed.reserveShare()),
                decimal(config, "mma.surplus.primary-floor-share", seed.primaryFloorShare()),
                decimal(config, "mma.surplus.tertiary-alpha", seed.tertiaryAlpha()),
                decimal(config, "mma.surplus.referral-rate-target-fall", seed.referralRateTargetFall()));
        return new SurplusSettings(
                config.getOptionalValue("mma.surplus.rules-version", String.class).orElse("seed-2025.1"),
                rules,
                config.getOptionalValue("mma.surplus.bases", String.class).map(SurplusSettings::bases).orElse(Map.of()),
                decimal(config, "mma.surplus.default-base", BigDecimal.ONE),
                config.getOptionalValue("mma.surplus.interval", Duration.class).orElse(Duration.ofSeconds(10)));
    }

    private static BigDecimal decimal(Config config, String key, BigDecimal fallback) {
        Optional<BigDecimal> value = config.getOptionalValue(key, BigDecimal.class);
        return value.orElse(fallback);
    }

    /** "90:1,80:0.8,0:0.5" — minimum score : retained share. */
    static List<ScoreTier> tiers(String text) {
        List<ScoreTier> tiers = new ArrayList<>();
        for (String[] pair : pairs(text)) {
            tiers.add(new ScoreTier(new BigDecimal(pair[0]), new BigDecimal(pair[1])));
        }
        return tiers;
    }

    /** "0.05:0.40,0.10:0.70" — upper edge as a share of P : the alliance's share of the band. */
    static List<OverspendBand> bands(String text) {
        List<OverspendBand> bands = new ArrayList<>();
        for (String[] pair : pairs(text)) {
            bands.add(new OverspendBand(new BigDecimal(pair[0]), new BigDecimal(pair[1])));
        }
        return bands;
    }

    /** "430321H0001:420000,430321T0100:95000" — institution id : B_j. */
    static Map<String, BigDecimal> bases(String text) {
        Map<String, BigDecimal> bases = new HashMap<>();
        for (String[] pair : pairs(text)) {
            bases.put(pair[0], new BigDecimal(pair[1]));
        }
        return bases;
    }

    private static List<String[]> pairs(String text) {
        List<String[]> pairs = new ArrayList<>();
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected key:value, was " + trimmed);
            }
            pairs.add(new String[] {trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1).trim()});
        }
        return pairs;
    }
}
