package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.events.prevention.KeyGroup;
import cn.hunan.mma.simulator.events.json.ChronicFollowUpJson;
import cn.hunan.mma.simulator.events.json.FamilyDoctorContractJson;
import cn.hunan.mma.simulator.events.population.ChronicProfile;
import cn.hunan.mma.simulator.events.population.Residents;
import cn.hunan.mma.simulator.matrix.CareNetwork;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.random.Draws;
import cn.hunan.mma.simulator.reference.AgeBand;

import java.util.SplittableRandom;

/**
 * Primary-care prevention work on office days: family-doctor contracts (each contracted resident
 * signs, or renews, once a year, half of them in the first quarter's signing campaign) and
 * follow-ups of managed chronic patients, mostly at their village clinic or township centre.
 */
final class PreventionWork implements DailyWork {

    private static final ChronicCondition[] CONDITIONS = ChronicCondition.values();
    /** Rejection sampling gives up after this many residents (only the rarest conditions come near it). */
    private static final int MAX_DRAWS = 5_000;

    @Override
    public void run(CountyDay day) {
        double office = day.calendar.officeFactor(day.day);
        int month = day.calendar.date(day.day).getMonthValue();
        double campaign = month <= 3 ? 2.0 : 2.0 / 3;
        int contracts = Draws.poisson(day.random, day.model.contractsPerDay * office * campaign);
        for (int i = 0; i < contracts; i++) {
            contract(day);
        }
        int followUps = Draws.poisson(day.random, day.model.followUpsPerDay * office);
        for (int i = 0; i < followUps; i++) {
            followUp(day);
        }
    }

    private void contract(CountyDay day) {
        SplittableRandom random = day.random;
        Residents residents = day.model.residents;
        int band = day.model.contractBands.draw(random);
        long resident = -1;
        for (int attempt = 0; attempt < MAX_DRAWS && resident < 0; attempt++) {
            long candidate = residents.drawIn(band, random);
            if (residents.contracted(candidate, band)) {
                resident = candidate;
            }
        }
        if (resident < 0) {
            return;
        }
        int village = residents.villageOf(resident, band);
        CareNetwork network = day.model.routing.network();
        Institution team = random.nextDouble() < 0.7 ? network.centreOfVillage(village) : network.clinicOfVillage(village);
        FamilyDoctorContractJson contract = day.contract;
        contract.institutionId = team.id();
        contract.pseudonyms = residents.pseudonyms();
        contract.residentIndex = resident;
        contract.teamId = team.id() + "-FDT" + (1 + village % 9);
        contract.keyGroups.clear();
        AgeBand age = AgeBand.of(band);
        if (age.isElderly()) {
            contract.keyGroups.add(KeyGroup.ELDERLY);
        }
        if (age.toAge() <= 4) {
            contract.keyGroups.add(KeyGroup.CHILD);
        }
        addIfManaged(contract, residents, resident, band, ChronicCondition.HYPERTENSION, KeyGroup.HYPERTENSION);
        addIfManaged(contract, residents, resident, band, ChronicCondition.DIABETES, KeyGroup.DIABETES);
        addIfManaged(contract, residents, resident, band, ChronicCondition.SEVERE_MENTAL_DISORDER, KeyGroup.SEVERE_MENTAL_DISORDER);
        addIfManaged(contract, residents, resident, band, ChronicCondition.TUBERCULOSIS, KeyGroup.TUBERCULOSIS);
        if (residents.female(resident) && band >= AgeBand.AGE_20_24.ordinal() && band <= AgeBand.AGE_35_39.ordinal()
                && residents.unit(resident, 3) < 0.08) {
            contract.keyGroups.add(KeyGroup.MATERNAL);
        }
        if (residents.unit(resident, 4) < 0.03) {
            contract.keyGroups.add(KeyGroup.DISABLED);
        }
        long epochDay = day.calendar.epochDay(day.day);
        contract.validFromEpochDay = epochDay;
        contract.validToEpochDay = day.calendar.date(day.day).plusYears(1).minusDays(1).toEpochDay();
        contract.occurredAt = day.at(SimulationCalendar.officeSecond(random));
        day.emit(contract);
    }

    private void followUp(CountyDay day) {
        SplittableRandom random = day.random;
        Residents residents = day.model.residents;
        ChronicCondition condition = CONDITIONS[day.model.followUpConditions.draw(random)];
        int band = day.model.followUpBands[condition.ordinal()].draw(random);
        long resident = -1;
        for (int attempt = 0; attempt < MAX_DRAWS && resident < 0; attempt++) {
            long candidate = residents.drawIn(band, random);
            if (residents.managed(candidate, band, condition)) {
                resident = candidate;
            }
        }
        if (resident < 0) {
            return;
        }
        int village = residents.villageOf(resident, band);
        CareNetwork network = day.model.routing.network();
        double u = random.nextDouble();
        Institution place = u < 0.55 ? network.clinicOfVillage(village)
                : u < 0.95 ? network.centreOfVillage(village) : network.countyHospitals().get(0);
        ChronicFollowUpJson followUp = day.followUp;
        followUp.institutionId = place.id();
        followUp.pseudonyms = residents.pseudonyms();
        followUp.residentIndex = resident;
        followUp.condition = condition;
        followUp.followUpLevel = place.level();
        followUp.controlled = random.nextDouble() < ChronicProfile.controlledShare(condition);
        followUp.occurredAt = day.at(SimulationCalendar.officeSecond(random));
        day.emit(followUp);
    }

    private static void addIfManaged(FamilyDoctorContractJson contract, Residents residents, long resident, int band,
                                     ChronicCondition condition, KeyGroup group) {
        if (residents.managed(resident, band, condition)) {
            contract.keyGroups.add(group);
        }
    }
}
