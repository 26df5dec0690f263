package cn.hunan.mma.settlement.domain.parameters;

import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.close.SettlementJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AreaParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_synthetic_seed_version_loaded_by_the_migration_reads_as_the_documented_values() throws IOException {
        AreaParameters seed = SettlementJson.readParameters(SeedParameters.json());

        assertThat(seed.budget().growthRate()).isEqualByComparingTo("0.05");
        assertThat(seed.budget().riskReserveRate()).isEqualByComparingTo("0.05");
        assertThat(seed.caseRules().method()).isEqualTo(PaymentMethod.DRG);
        assertThat(seed.caseRules().drgBaseRate()).isEqualTo(Money.ofYuan("10000.00"));
        assertThat(seed.caseRules().coefficientFor(Level.COUNTY, false)).isEqualByComparingTo("0.90");
        assertThat(seed.caseRules().complexityWeight("ES21")).isEqualByComparingTo("1.10");
        assertThat(seed.caseRules().dipThresholds().highRatio()).isEqualByComparingTo("2");
        assertThat(seed.caseRules().deductibles().get(Level.CITY)).isEqualTo(Money.ofYuan("900.00"));
        assertThat(seed.closeRules().tiers()).extracting(tier -> tier.minScore().intValue()).containsExactly(90, 80, 0);
        assertThat(seed.closeRules().reserveShare()).isEqualByComparingTo("0.10");
    }

    @Test
    void a_ratio_outside_zero_to_one_is_refused_naming_the_field() throws IOException {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("budget")).put("riskReserveRate", new BigDecimal("1.5"));

        assertRefused(parameters, "budget", "riskReserveRate");
    }

    /** A budget stores its rates with six decimals: a seventh would price the draft with a rate no reader is shown. */
    @Test
    void a_growth_rate_with_more_decimals_than_a_budget_stores_is_refused() throws IOException {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("budget")).put("growthRate", new BigDecimal("0.0333333"));

        assertRefused(parameters, "budget", "growthRate", "6 decimals");
        ((ObjectNode) parameters.get("budget")).put("growthRate", new BigDecimal("0.033333"));
        assertThat(SettlementJson.readParameters(parameters).budget().growthRate()).isEqualByComparingTo("0.033333");
    }

    /** A zero base rate or complexity weight would price cases at nothing and divide by zero in the high-cost ratio. */
    @Test
    void a_zero_drg_base_rate_or_complexity_weight_is_refused_naming_it() throws IOException {
        ObjectNode zeroRate = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) zeroRate.get("caseRules")).put("drgBaseRate", "0.00");
        ObjectNode zeroWeight = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) zeroWeight.get("caseRules").get("complexityWeights")).put("1", BigDecimal.ZERO);

        assertRefused(zeroRate, "caseRules", "drgBaseRate");
        assertRefused(zeroWeight, "caseRules", "complexityWeights.1");
    }

    @Test
    void tiers_listed_out_of_order_are_refused_naming_the_tier() throws IOException {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ArrayNode tiers = (ArrayNode) parameters.get("closeRules").get("tiers");
        tiers.insert(0, tiers.remove(1));   // 80, 90, 0

        assertThatThrownBy(() -> SettlementJson.readParameters(parameters))
                .isInstanceOfSatisfying(ParameterViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("closeRules.tiers[1].minScore"));
    }

    @Test
    void a_wider_overspend_band_leaving_the_alliance_less_is_refused_naming_the_band() throws IOException {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("closeRules").get("bands").get(1)).put("allianceShare", new BigDecimal("0.30"));

        assertThatThrownBy(() -> SettlementJson.readParameters(parameters))
                .isInstanceOfSatisfying(ParameterViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("closeRules.bands[1].allianceShare"));
    }

    @Test
    void a_dip_area_without_its_catalogue_is_refused_and_a_group_listed_twice_too() throws IOException {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("caseRules")).put("method", "DIP");

        assertThatThrownBy(() -> SettlementJson.readParameters(parameters))
                .isInstanceOfSatisfying(ParameterViolation.class, violation -> assertThat(violation.field()).isEqualTo("dipCatalogue"));

        ArrayNode catalogue = parameters.putArray("dipCatalogue");
        catalogue.addObject().put("code", "I63.9").put("score", 600).put("meanCost", "7000.00");
        catalogue.addObject().put("code", "I63.9").put("score", 650).put("meanCost", "7000.00");
        assertThatThrownBy(() -> SettlementJson.readParameters(parameters))
                .isInstanceOfSatisfying(ParameterViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo("dipCatalogue");
                    assertThat(violation.getMessage()).contains("I63.9");
                });
    }

    @Test
    void a_dip_catalogue_is_read_with_its_version_and_written_back_unchanged_while_drg_versions_write_none() throws IOException {
        ObjectNode parameters = (ObjectNode) JSON.readTree(SeedParameters.json());
        ((ObjectNode) parameters.get("caseRules")).put("method", "DIP");
        ArrayNode catalogue = parameters.putArray("dipCatalogue");
        catalogue.addObject().put("code", "I63.9+99.1000").put("score", 800).put("meanCost", "10000.00");
        catalogue.addObject().put("code", "I63").put("score", 0).put("meanCost", "6000.00");
        assertThatThrownBy(() -> SettlementJson.readParameters(parameters))
                .isInstanceOfSatisfying(ParameterViolation.class, violation -> assertThat(violation.field()).startsWith("dipCatalogue[1]"));
        ((ObjectNode) catalogue.get(1)).put("code", "I63").put("score", 500);

        AreaParameters dip = SettlementJson.readParameters(parameters);
        AreaParameters again = SettlementJson.readParameters(SettlementJson.text(SettlementJson.parameters(dip)));

        assertThat(again.dipCatalogue()).extracting(group -> group.code() + " " + group.score() + " " + group.meanCost())
                .containsExactly("I63.9+99.1000 800 ¥10000.00", "I63 500 ¥6000.00");
        assertThat(SettlementJson.text(SettlementJson.parameters(SettlementJson.readParameters(SeedParameters.json()))))
                .doesNotContain("dipCatalogue");
    }

    /** Reading the parameters is refused naming the field, with a message that says each of {@code mentions}. */
    private static void assertRefused(ObjectNode parameters, String field, String... mentions) {
        assertThatThrownBy(() -> SettlementJson.readParameters(parameters))
                .isInstanceOfSatisfying(ParameterViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo(field);
                    assertThat(violation.getMessage()).contains(mentions);
                });
    }
}
