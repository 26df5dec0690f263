package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.simulator.events.population.CareRates;
import cn.hunan.mma.simulator.events.population.ChronicProfile;
import cn.hunan.mma.simulator.events.population.ContractProfile;
import cn.hunan.mma.simulator.events.population.Residents;
import cn.hunan.mma.simulator.matrix.CareNetwork;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.random.AliasTable;
import cn.hunan.mma.simulator.reference.AgeBand;

import java.util.List;

/**
 * Everything about one county-level unit that stays fixed during a run: its residents, where they
 * go for care, how many visits, admissions, contracts and follow-ups an average day brings, and
 * which institutions report their capacity and figures in this unit's share of the output.
 */
final class CountyModel {

    private static final int BANDS = AgeBand.count();
    private static final ChronicCondition[] CONDITIONS = ChronicCondition.values();

    final String countyCode;
    final String prefectureCode;
    final Residents residents;
    final CareRouting routing;
    final List<Institution> reporting;
    final AliasTable visitBands;
    final AliasTable admissionBands;
    final AliasTable contractBands;
    final AliasTable[] followUpBands = new AliasTable[CONDITIONS.length];
    final AliasTable followUpConditions;
    final double visitsPerDay;
    final double admissionsPerDay;
    final double contractsPerDay;
    final double followUpsPerDay;

    CountyModel(Residents residents, CareNetwork network, boolean inCapitalCity, CareRates rates,
                List<Institution> reporting) {
        this.countyCode = residents.county().code();
        this.prefectureCode = residents.county().prefectureCode();
        this.residents = residents;
        this.routing = new CareRouting(network, inCapitalCity);
        this.reporting = List.copyOf(reporting);
        double[] visitRates = rates.visits();
        double[] admissionRates = rates.admissions();
        this.visitBands = residents.bandTable(visitRates);
        this.admissionBands = residents.bandTable(admissionRates);
        this.visitsPerDay = perDay(residents, visitRates);
        this.admissionsPerDay = perDay(residents, admissionRates);

        double[] contractRates = new double[BANDS];
        double[] followUpsByCondition = new double[CONDITIONS.length];
        for (int b = 0; b < BANDS; b++) {
            double managedAny = 1;
            for (ChronicCondition condition : CONDITIONS) {
                managedAny *= 1 - ChronicProfile.prevalence(condition, b) * ChronicProfile.managedShare(condition);
            }
            managedAny = 1 - managedAny;
            contractRates[b] = managedAny * ContractProfile.probability(b, true)
                    + (1 - managedAny) * ContractProfile.probability(b, false);
        }
        for (ChronicCondition condition : CONDITIONS) {
            double[] managedRates = new double[BANDS];
            for (int b = 0; b < BANDS; b++) {
                managedRates[b] = ChronicProfile.prevalence(condition, b) * ChronicProfile.managedShare(condition)
                        * ChronicProfile.followUpsPerYear(condition);
            }
            followUpBands[condition.ordinal()] = residents.bandTable(managedRates);
            followUpsByCondition[condition.ordinal()] = perDay(residents, managedRates);
        }
        this.contractBands = residents.bandTable(contractRates);
        this.contractsPerDay = perDay(residents, contractRates);
        this.followUpConditions = new AliasTable(followUpsByCondition);
        double followUps = 0;
        for (double perDay : followUpsByCondition) {
            followUps += perDay;
        }
        this.followUpsPerDay = followUps;
    }

    private static double perDay(Residents residents, double[] perResidentYear) {
        double sum = 0;
        for (int b = 0; b < BANDS; b++) {
            sum += residents.bandSize(b) * perResidentYear[b];
        }
        return sum / 365.0;
    }
}
