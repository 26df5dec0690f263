package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.clinical.Diagnosis;
import cn.hunan.mma.simulator.events.clinical.DiagnosisGroup;
import cn.hunan.mma.simulator.matrix.CareNetwork;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.matrix.ServiceLine;
import cn.hunan.mma.simulator.random.AliasTable;
import cn.hunan.mma.simulator.reference.AgeBand;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the residents of one county-level unit go for care. The level follows the guidance
 * catalogue (primary-level diseases mostly at the village and township, catalogue-CITY diseases
 * mostly at city and provincial hospitals), shifted toward city hospitals for residents near the
 * city seat and toward provincial hospitals in and near Changsha. Most care stays in the
 * resident's own county and city; complex diseases leave more often.
 */
final class CareRouting {

    private static final Level[] LEVELS = Level.values();
    /** Outpatient level weights (village, township, county, city, province) by catalogue level. */
    private static final double[][] OUTPATIENT = {
            {0.42, 0.33, 0.18, 0.05, 0.02},   // primary-level disease
            {0.25, 0.33, 0.28, 0.10, 0.04},   // catalogue TOWNSHIP
            {0.06, 0.20, 0.48, 0.17, 0.09},   // COUNTY
            {0.00, 0.05, 0.35, 0.40, 0.20},   // CITY
            {0.00, 0.00, 0.20, 0.35, 0.45}};  // PROVINCE
    /** Inpatient level weights by catalogue level; nobody is admitted to a village clinic. */
    private static final double[][] INPATIENT = {
            {0, 0.50, 0.38, 0.08, 0.04},
            {0, 0.45, 0.40, 0.10, 0.05},
            {0, 0.08, 0.62, 0.20, 0.10},
            {0, 0.00, 0.15, 0.55, 0.30},
            {0, 0.00, 0.03, 0.27, 0.70}};

    private final CareNetwork network;
    private final AliasTable[] outpatientLevels = new AliasTable[5];
    private final AliasTable[] inpatientLevels = new AliasTable[5];
    private final AliasTable cityByBeds;
    private final AliasTable otherCityByBeds;
    private final AliasTable provinceByBeds;
    private final double nearCity;

    CareRouting(CareNetwork network, boolean inCapitalCity) {
        this.network = network;
        this.nearCity = Math.exp(-network.kilometresToCitySeat() / 25);
        double provinceBoost = inCapitalCity ? 3 : network.kilometresToProvincialCapital() < 60 ? 1.5 : 1;
        for (int row = 0; row < 5; row++) {
            outpatientLevels[row] = new AliasTable(adjusted(OUTPATIENT[row], provinceBoost));
            inpatientLevels[row] = new AliasTable(adjusted(INPATIENT[row], provinceBoost));
        }
        this.cityByBeds = byBeds(network.cityHospitals());
        this.otherCityByBeds = byBeds(network.otherCityHospitals());
        this.provinceByBeds = byBeds(network.provinceHospitals());
    }

    CareNetwork network() {
        return network;
    }

    Level outpatientLevel(Diagnosis diagnosis, SplittableRandom random) {
        return LEVELS[outpatientLevels[row(diagnosis)].draw(random)];
    }

    Level inpatientLevel(Diagnosis diagnosis, SplittableRandom random) {
        return LEVELS[inpatientLevels[row(diagnosis)].draw(random)];
    }

    /** The department line a patient of this age needs: children's medical care is paediatrics. */
    static ServiceLine lineFor(Diagnosis diagnosis, int band) {
        ServiceLine line = diagnosis.line();
        if (AgeBand.of(band).isChild() && line.medical() && diagnosis.group() != DiagnosisGroup.PERINATAL) {
            return ServiceLine.PEDIATRICS;
        }
        return line;
    }

    /**
     * The institution of a level a resident goes to. Out-of-county and out-of-city care is more
     * likely for diagnoses the catalogue puts at county level or above.
     */
    Institution institution(Level level, Diagnosis diagnosis, int village, int band, SplittableRandom random) {
        boolean complex = diagnosis.catalogueLevel().compareTo(Level.COUNTY) >= 0;
        return switch (level) {
            case VILLAGE -> network.clinicOfVillage(village);
            case TOWNSHIP -> random.nextDouble() < 0.95 || network.townshipCount() == 1
                    ? network.centreOfVillage(village)
                    : network.centreOfTownship(random.nextInt(network.townshipCount()));
            case COUNTY -> random.nextDouble() < (complex ? 0.09 : 0.03)
                    ? network.neighbourCountyGeneral()
                    : countyHospital(diagnosis, band, random);
            case CITY -> random.nextDouble() < (complex ? 0.10 : 0.04)
                    ? pick(network.otherCityHospitals(), otherCityByBeds, random)
                    : specialised(network.cityHospitals(), cityByBeds, diagnosis, band, random);
            case PROVINCE -> specialised(network.provinceHospitals(), provinceByBeds, diagnosis, band, random);
        };
    }

    private Institution countyHospital(Diagnosis diagnosis, int band, SplittableRandom random) {
        List<Institution> hospitals = network.countyHospitals();
        double u = random.nextDouble();
        if (forMaternalChild(diagnosis, band)) {
            return u < 0.45 ? hospitals.get(2) : hospitals.get(0);
        }
        double tcm = diagnosis.group() == DiagnosisGroup.MUSCULOSKELETAL ? 0.35 : 0.15;
        return u < tcm ? hospitals.get(1) : hospitals.get(0);
    }

    /** A city or provincial hospital: specialised hospitals take their patients, the rest by size. */
    private static Institution specialised(List<Institution> hospitals, AliasTable byBeds, Diagnosis diagnosis, int band,
                                           SplittableRandom random) {
        if (random.nextDouble() < 0.45) {
            for (Institution hospital : hospitals) {
                if (suits(hospital, diagnosis, band)) {
                    return hospital;
                }
            }
        }
        return hospitals.get(byBeds.draw(random));
    }

    private static boolean suits(Institution hospital, Diagnosis diagnosis, int band) {
        if (hospital.kind() == InstitutionKind.MATERNAL_CHILD) {
            return forMaternalChild(diagnosis, band);
        }
        if (hospital.kind() == InstitutionKind.GENERAL && !hospital.has(ServiceLine.CARDIOLOGY)) {
            // the provincial cancer and brain hospitals
            return hospital.has(ServiceLine.ONCOLOGY) ? diagnosis.group() == DiagnosisGroup.NEOPLASM
                    : diagnosis.group() == DiagnosisGroup.MENTAL;
        }
        return false;
    }

    private static boolean forMaternalChild(Diagnosis diagnosis, int band) {
        return AgeBand.of(band).isChild() || diagnosis.group() == DiagnosisGroup.PREGNANCY
                || diagnosis.group() == DiagnosisGroup.FEMALE_GENITAL;
    }

    private static Institution pick(List<Institution> hospitals, AliasTable byBeds, SplittableRandom random) {
        return hospitals.get(byBeds.draw(random));
    }

    private static int row(Diagnosis diagnosis) {
        return diagnosis.primaryLevelDisease() ? 0 : diagnosis.catalogueLevel().ordinal();
    }

    private double[] adjusted(double[] weights, double provinceBoost) {
        double[] adjusted = weights.clone();
        adjusted[Level.COUNTY.ordinal()] *= 1 - 0.3 * nearCity;
        adjusted[Level.CITY.ordinal()] *= 1 + 1.5 * nearCity;
        adjusted[Level.PROVINCE.ordinal()] *= provinceBoost;
        return adjusted;
    }

    private static AliasTable byBeds(List<Institution> hospitals) {
        double[] weights = new double[hospitals.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.max(1, hospitals.get(i).beds());
        }
        return new AliasTable(weights);
    }
}
