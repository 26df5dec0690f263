package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.simulator.random.Draws;
import cn.hunan.mma.simulator.random.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one institution of a type: its departments, with beds and clinic slots split by the
 * departments' weights (±20% each) and specialties tagged. Every institution draws from its own
 * random stream keyed by its id, so adding one never changes another.
 */
final class InstitutionFactory {

    private final long seed;

    InstitutionFactory(long seed) {
        this.seed = seed;
    }

    Institution create(String id, String name, InstitutionType type, String divisionCode, String countyCode,
                       GeoPoint location, long servedPopulation, int beds, int dailySlots) {
        SplittableRandom random = Seeds.stream(seed, "institution", id);
        List<ServiceLine> lines = type.lines();
        double[] bedWeights = new double[lines.size()];
        double[] slotWeights = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            bedWeights[i] = lines.get(i).bedWeight() * Draws.jitter(random, 0.2);
            slotWeights[i] = lines.get(i).clinicWeight() * Draws.jitter(random, 0.2);
        }
        int[] bedSplit = split(bedWeights, beds);
        int[] slotSplit = split(slotWeights, dailySlots);
        List<Department> departments = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ServiceLine line = lines.get(i);
            int expert = line.holdsExpertClinics() ? (int) Math.round(slotSplit[i] * type.expertShare()) : 0;
            departments.add(new Department(line, SpecialtyTagging.tag(type.level(), line, random),
                    bedSplit[i], expert, slotSplit[i] - expert));
        }
        return new Institution(id, name, type.level(), type.kind(), divisionCode, countyCode, location,
                servedPopulation, departments);
    }

    private static int[] split(double[] weights, int total) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        if (sum == 0 || total == 0) {
            return new int[weights.length];
        }
        double[] exact = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            exact[i] = total * weights[i] / sum;
        }
        return GeographyBuilder.largestRemainder(exact, total);
    }
}
