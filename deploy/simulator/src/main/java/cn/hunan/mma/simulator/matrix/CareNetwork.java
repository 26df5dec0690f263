package cn.hunan.mma.simulator.matrix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the residents of one county-level unit get care, level by level: their village clinic and
 * township centre, their county's hospitals (a development zone borrows its nearest district's),
 * the nearest other county's general hospital (out-of-county care), their city's hospitals, the
 * nearest other city's hospitals (out-of-city care) and the provincial hospitals.
 *
 * <p>Villages are numbered in township order then code order, as {@link County#townships()} lists them.
 */
public final class CareNetwork {

    private final County county;
    private final Institution[] clinicOfVillage;
    private final int[] townshipOfVillage;
    private final Institution[] centreOfTownship;
    private final List<Institution> countyHospitals;
    private final Institution neighbourCountyGeneral;
    private final List<Institution> cityHospitals;
    private final List<Institution> otherCityHospitals;
    private final List<Institution> provinceHospitals;
    private final double kilometresToCitySeat;
    private final double kilometresToProvincialCapital;

    CareNetwork(County county, Institution[] clinicOfVillage, int[] townshipOfVillage, Institution[] centreOfTownship,
                List<Institution> countyHospitals, Institution neighbourCountyGeneral, List<Institution> cityHospitals,
                List<Institution> otherCityHospitals, List<Institution> provinceHospitals,
                double kilometresToCitySeat, double kilometresToProvincialCapital) {
        this.county = county;
        this.clinicOfVillage = clinicOfVillage.clone();
        this.townshipOfVillage = townshipOfVillage.clone();
        this.centreOfTownship = centreOfTownship.clone();
        this.countyHospitals = List.copyOf(countyHospitals);
        this.neighbourCountyGeneral = neighbourCountyGeneral;
        this.cityHospitals = List.copyOf(cityHospitals);
        this.otherCityHospitals = List.copyOf(otherCityHospitals);
        this.provinceHospitals = List.copyOf(provinceHospitals);
        this.kilometresToCitySeat = kilometresToCitySeat;
        this.kilometresToProvincialCapital = kilometresToProvincialCapital;
    }

    public County county() {
        return county;
    }

    public int villageCount() {
        return clinicOfVillage.length;
    }

    public Institution clinicOfVillage(int village) {
        return clinicOfVillage[village];
    }

    public Institution centreOfVillage(int village) {
        return centreOfTownship[townshipOfVillage[village]];
    }

    public int townshipOfVillage(int village) {
        return townshipOfVillage[village];
    }

    public Institution centreOfTownship(int township) {
        return centreOfTownship[township];
    }

    public int townshipCount() {
        return centreOfTownship.length;
    }

    /** General, TCM and maternal-child hospital, in that order. */
    public List<Institution> countyHospitals() {
        return countyHospitals;
    }

    public Institution neighbourCountyGeneral() {
        return neighbourCountyGeneral;
    }

    public List<Institution> cityHospitals() {
        return cityHospitals;
    }

    public List<Institution> otherCityHospitals() {
        return otherCityHospitals;
    }

    public List<Institution> provinceHospitals() {
        return provinceHospitals;
    }

    public double kilometresToCitySeat() {
        return kilometresToCitySeat;
    }

    public double kilometresToProvincialCapital() {
        return kilometresToProvincialCapital;
    }

    /** Every institution residents of this unit may be sent to. */
    public Set<Institution> institutions() {
        Set<Institution> all = new LinkedHashSet<>();
        for (Institution clinic : clinicOfVillage) {
            all.add(clinic);
        }
        for (Institution centre : centreOfTownship) {
            all.add(centre);
        }
        all.addAll(countyHospitals);
        all.add(neighbourCountyGeneral);
        all.addAll(cityHospitals);
        all.addAll(otherCityHospitals);
        all.addAll(provinceHospitals);
        return all;
    }

    /** The flattened village list, aligned with the village numbers used here. */
    public List<Village> villages() {
        List<Village> villages = new ArrayList<>(clinicOfVillage.length);
        for (Township township : county.townships()) {
            villages.addAll(township.villages());
        }
        return villages;
    }
}
