package cn.hunan.mma.simulator.matrix;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The institutions of a matrix under construction, indexed the ways the generator looks them up. */
final class InstitutionRegistry {

    private final Map<String, Institution> byId = new LinkedHashMap<>();
    private final List<Institution> provincial = new ArrayList<>();
    private final Map<String, List<Institution>> cityByPrefecture = new HashMap<>();
    private final Map<String, List<Institution>> countyByCode = new HashMap<>();
    private final Map<String, Institution> centreByTownship = new HashMap<>();
    private final Map<String, Institution> clinicByVillage = new HashMap<>();
    private final Map<String, List<Institution>> clinicsByTownship = new HashMap<>();

    void addProvincial(Institution institution) {
        add(institution);
        provincial.add(institution);
    }

    void addCity(String prefectureCode, Institution institution) {
        add(institution);
        cityByPrefecture.computeIfAbsent(prefectureCode, key -> new ArrayList<>()).add(institution);
    }

    void addCounty(String countyCode, Institution institution) {
        add(institution);
        countyByCode.computeIfAbsent(countyCode, key -> new ArrayList<>()).add(institution);
    }

    void addTownshipCentre(String townshipCode, Institution institution) {
        add(institution);
        centreByTownship.put(townshipCode, institution);
    }

    void addClinic(List<String> villageCodes, Institution institution) {
        add(institution);
        for (String village : villageCodes) {
            clinicByVillage.put(village, institution);
        }
        clinicsByTownship.computeIfAbsent(villageCodes.get(0).substring(0, 9), key -> new ArrayList<>()).add(institution);
    }

    private void add(Institution institution) {
        if (byId.putIfAbsent(institution.id(), institution) != null) {
            throw new IllegalStateException("two institutions with id " + institution.id());
        }
    }

    Collection<Institution> all() {
        return byId.values();
    }

    Institution byId(String id) {
        Institution institution = byId.get(id);
        if (institution == null) {
            throw new IllegalArgumentException("no institution " + id);
        }
        return institution;
    }

    List<Institution> provincial() {
        return provincial;
    }

    List<Institution> cityHospitals(String prefectureCode) {
        return cityByPrefecture.getOrDefault(prefectureCode, List.of());
    }

    /** General, TCM, maternal-child; empty for a development zone. */
    List<Institution> countyHospitals(String countyCode) {
        return countyByCode.getOrDefault(countyCode, List.of());
    }

    Institution centreOf(String townshipCode) {
        return centreByTownship.get(townshipCode);
    }

    Institution clinicOf(String villageCode) {
        return clinicByVillage.get(villageCode);
    }

    List<Institution> clinicsOf(String townshipCode) {
        return clinicsByTownship.getOrDefault(townshipCode, List.of());
    }
}
