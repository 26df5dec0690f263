package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.domain.budget.ProvisionalDip;
import cn.hunan.mma.settlement.domain.budget.VisitSpend;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An alliance's actual spend in a period: the fund-payable amounts of the standing settled cases of
 * residents of its covered divisions discharged in the period, and what the fund paid for their
 * outpatient visits in it — wherever treated (out-of-area care is charged against the package, as in
 * the budget's base).
 */
@ApplicationScoped
public class SpendService {

    // The covered residents' standing stays discharged in the period, and their visits in it, by the parameters
    // covered() builds: $1 the covered counties, $2 from, $3 until (exclusive), $4 the residence prefixes or NULL.
    // Every read over a covered population (here and OutOfAreaCare) selects its rows by these.
    static final String STAYS_IN_PERIOD = "NOT superseded AND residence_county = ANY($1::text[]) AND discharge_date >= $2 "
            + "AND discharge_date < $3 AND ($4::text[] IS NULL OR residence_division LIKE ANY($4::text[]))";
    private static final String VISITS_IN_PERIOD = "NOT superseded AND residence_county = ANY($1::text[]) AND visit_date >= $2 "
            + "AND visit_date < $3 AND ($4::text[] IS NULL OR residence_division LIKE ANY($4::text[]))";

    // A case revalued by its year's DIP clearing counts at what the clearing made of it.
    private static final String SPEND = "SELECT coalesce(sum(coalesce(cleared_fund_payable_fen, fund_payable_fen)), 0), count(*) "
            + "FROM case_settlement WHERE " + STAYS_IN_PERIOD;

    // The same stays priced by DIP at a provisional point value: the year of the area whose rules priced them
    // (rule_version "area/…", as DipClearings scopes a clearing) not cleared yet.
    private static final String PROVISIONAL_DIP = "SELECT coalesce(sum(fund_payable_fen), 0), count(*) FROM case_settlement c "
            + "WHERE " + STAYS_IN_PERIOD + " AND method = 'DIP' AND NOT EXISTS (SELECT 1 FROM dip_clearing d "
            + "WHERE d.clearing_year = c.settlement_year AND c.rule_version LIKE d.area || '/%')";

    private static final String OUTPATIENT = "SELECT coalesce(sum(fund_paid_fen), 0), count(*) FROM outpatient_spend WHERE "
            + VISITS_IN_PERIOD;

    // Per institution ($5): the same cases and visits, treated there.
    private static final String CONTRIBUTION = "SELECT institution_id, sum(coalesce(cleared_fund_payable_fen, fund_payable_fen)) "
            + "FROM case_settlement WHERE " + STAYS_IN_PERIOD + " AND institution_id = ANY($5::text[]) GROUP BY institution_id "
            + "UNION ALL SELECT institution_id, sum(fund_paid_fen) FROM outpatient_spend WHERE " + VISITS_IN_PERIOD
            + " AND institution_id = ANY($5::text[]) GROUP BY institution_id";

    /** Fund-paid sums and counts, inpatient and outpatient. */
    public record Spend(Money inpatient, long cases, Money outpatient, long visits) {

        public Money amount() {
            return inpatient.plus(outpatient);
        }
    }

    private final CoveredResidentReads reads;

    public SpendService(CoveredResidentReads reads) {
        this.reads = reads;
    }

    /** Counting the cases discharged from the period's start until the day before {@code until} (its end, or a dissolution). */
    public Uni<Spend> actualSpend(List<String> coveredDivisions, Period period, LocalDate until) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        Tuple where = covered(coveredDivisions, from, until);
        return reads.execute(SPEND, where).map(rows -> rows.iterator().next())
                .chain(inpatient -> outpatient(where).map(outpatient -> new Spend(Money.ofFen(inpatient.getLong(0)),
                        inpatient.getLong(1), outpatient.amount(), outpatient.visits())));
    }

    /**
     * What of {@link #actualSpend}'s inpatient amount is priced at a provisional DIP point value, its area's year not
     * cleared yet: a budget drafted from it says so, as the clearing will change it.
     */
    public Uni<ProvisionalDip> provisionalDip(List<String> coveredDivisions, Period period, LocalDate until) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        return reads.execute(PROVISIONAL_DIP, covered(coveredDivisions, from, until)).map(rows -> {
            var row = rows.iterator().next();
            return new ProvisionalDip(row.getLong(1), Money.ofFen(row.getLong(0)));
        });
    }

    /**
     * Each institution's fund contribution in the period: what the fund paid for the covered residents' cases and
     * visits there, counted as {@link #actualSpend} counts them; zero for an institution that treated none of them.
     */
    public Uni<Map<String, Money>> fundContribution(List<String> coveredDivisions, Period period, LocalDate until,
                                                    List<String> institutions) {
        LocalDate from = LocalDate.ofInstant(period.start(), Period.ZONE);
        Tuple where = covered(coveredDivisions, from, until).addValue(institutions.toArray(String[]::new));
        return reads.execute(CONTRIBUTION, where).map(rows -> {
            Map<String, Money> contribution = new HashMap<>();
            institutions.forEach(institution -> contribution.put(institution, Money.ZERO));
            rows.forEach(row -> contribution.merge(row.getString(0), Money.ofFen(row.getLong(1)), Money::plus));
            return contribution;
        });
    }

    /** The covered residents' outpatient visits from {@code from} until the day before {@code until}. */
    public Uni<VisitSpend> outpatientSpend(List<String> coveredDivisions, LocalDate from, LocalDate until) {
        return outpatient(covered(coveredDivisions, from, until));
    }

    private Uni<VisitSpend> outpatient(Tuple where) {
        return reads.execute(OUTPATIENT, where).map(rows -> {
            var row = rows.iterator().next();
            return new VisitSpend(Money.ofFen(row.getLong(0)), row.getLong(1));
        });
    }

    // The county column narrows through the index; the prefix keeps a covered township or village exact.
    // $1 the covered counties, $2 from, $3 until (exclusive), $4 the covered divisions' prefixes, or NULL where every
    // covered division is a whole county (the usual case). The prefix then says nothing the county does not, and
    // PostgreSQL, taking the two as independent, would expect ~1/120 of the rows: with a county's 60,000 stays
    // estimated at 5, the kept-in-area self-join ran as a nested loop for minutes at 15 million cases (2026-11-24).
    // Each query is planned for its values, so "$4 IS NULL OR …" leaves the clause out of the plan altogether.
    // A city or the province (a city medical group over its whole city, an alliance the registry lets cover more) covers
    // every county-level code under it: 4303 followed by any two digits for 湘潭 (430300), the city's own code included
    // for residents registered at city level only. Listing them keeps the read on the county index.
    static Tuple covered(List<String> coveredDivisions, LocalDate from, LocalDate until) {
        List<DivisionCode> divisions = coveredDivisions.stream().map(DivisionCode::of).toList();
        String[] counties = divisions.stream().flatMap(SpendService::countyCodes).distinct().toArray(String[]::new);
        boolean wholeCounties = divisions.stream().allMatch(division -> division.countyCode().equals(division));
        String[] prefixes = wholeCounties ? null
                : divisions.stream().map(division -> division.significantPrefix() + "%").toArray(String[]::new);
        return Tuple.of(counties, from, until).addValue(prefixes);
    }

    /** The county-level codes a residence in the division can have (one below a county, up to 10,000 for a province). */
    static Stream<String> countyCodes(DivisionCode division) {
        String prefix = division.countyCode().significantPrefix();
        if (prefix.length() == 6) {
            return Stream.of(prefix);
        }
        int below = (int) Math.pow(10, 6 - prefix.length());
        String format = prefix + "%0" + (6 - prefix.length()) + "d";
        return IntStream.range(0, below).mapToObj(code -> String.format(format, code));
    }
}
