package cn.hunan.mma.simulator.events.clinical;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.random.AliasTable;
import cn.hunan.mma.simulator.reference.DrgGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks the DRG group of a stay from the real Changsha 2023 local groups: one of the diagnosis's
 * major diagnostic category, surgical or medical, no heavier than the level usually treats
 * (township ≤ 1.2, county ≤ 3, city ≤ 8 relative weight), lighter groups more often (weight^-1.5,
 * as case mixes are dominated by common light cases). Also picks matching ICD-9-CM-3 procedures.
 * Thread-safe once built.
 */
public final class DrgCatalogue {

    private static final Level[] LEVELS = Level.values();

    private final Map<Key, Choice> choices = new HashMap<>();
    private final Map<Character, List<String>> operationsByMdc = new HashMap<>();
    private final List<String> diagnostics = new ArrayList<>();

    public DrgCatalogue(List<DrgGroup> groups, List<String> procedureCodes) {
        Map<Character, List<DrgGroup>> surgical = new HashMap<>();
        Map<Character, List<DrgGroup>> medical = new HashMap<>();
        for (DrgGroup group : groups) {
            (group.surgical() ? surgical : medical).computeIfAbsent(group.mdc(), key -> new ArrayList<>()).add(group);
        }
        for (char mdc = 'A'; mdc <= 'Z'; mdc++) {
            for (Level level : LEVELS) {
                List<DrgGroup> cut = eligible(surgical.get(mdc), level);
                List<DrgGroup> med = eligible(medical.get(mdc), level);
                if (!cut.isEmpty()) {
                    choices.put(new Key(mdc, true, level), new Choice(cut));
                }
                if (!med.isEmpty()) {
                    choices.put(new Key(mdc, false, level), new Choice(med));
                }
            }
        }
        for (String code : procedureCodes) {
            int chapter = Integer.parseInt(code.substring(0, 2));
            if (chapter >= 87) {
                diagnostics.add(code);
            }
            char mdc = mdcOfOperation(chapter);
            if (mdc != 0) {
                operationsByMdc.computeIfAbsent(mdc, key -> new ArrayList<>()).add(code);
            }
        }
    }

    /** A DRG for the stay; falls back to the other kind, then to MDC X, when a category has none. */
    public DrgGroup choose(char mdc, boolean surgical, Level level, SplittableRandom random) {
        Choice choice = choices.get(new Key(mdc, surgical, level));
        if (choice == null) {
            choice = choices.get(new Key(mdc, !surgical, level));
        }
        if (choice == null) {
            choice = choices.get(new Key('X', false, level));
        }
        return choice.draw(random);
    }

    /** The principal operation (and sometimes a second) of a surgical stay, or a diagnostic procedure. */
    public int procedures(DrgGroup drg, SplittableRandom random, String[] into) {
        int count = 0;
        List<String> operations = operationsByMdc.get(drg.mdc());
        if (drg.surgical() && operations != null) {
            into[count++] = operations.get(random.nextInt(operations.size()));
            if (random.nextBoolean()) {
                into[count++] = operations.get(random.nextInt(operations.size()));
            }
        }
        if (random.nextDouble() < 0.5) {
            into[count++] = diagnostics.get(random.nextInt(diagnostics.size()));
        }
        return count;
    }

    private static List<DrgGroup> eligible(List<DrgGroup> groups, Level level) {
        if (groups == null) {
            return List.of();
        }
        double cap = switch (level) {
            case VILLAGE, TOWNSHIP -> 1.2;
            case COUNTY -> 3.0;
            case CITY -> 8.0;
            case PROVINCE -> Double.MAX_VALUE;
        };
        List<DrgGroup> eligible = groups.stream().filter(g -> g.relativeWeight().doubleValue() <= cap).toList();
        if (eligible.isEmpty()) {
            DrgGroup lightest = groups.stream()
                    .min(Comparator.comparing(DrgGroup::relativeWeight)).orElseThrow();
            return List.of(lightest);
        }
        return eligible;
    }

    /** ICD-9-CM-3 operation chapters by body system, matched to the MDC of the same system. */
    private static char mdcOfOperation(int chapter) {
        if (chapter <= 5) {
            return chapter == 0 ? 'A' : 'B';
        }
        if (chapter <= 7) {
            return 'K';
        }
        if (chapter <= 16) {
            return 'C';
        }
        if (chapter >= 18 && chapter <= 29) {
            return 'D';
        }
        if (chapter >= 30 && chapter <= 34) {
            return 'E';
        }
        if (chapter >= 35 && chapter <= 39) {
            return 'F';
        }
        if (chapter >= 40 && chapter <= 41) {
            return 'Q';
        }
        if (chapter >= 42 && chapter <= 49) {
            return 'G';
        }
        if (chapter >= 50 && chapter <= 54) {
            return 'H';
        }
        if (chapter >= 55 && chapter <= 59) {
            return 'L';
        }
        if (chapter >= 60 && chapter <= 64) {
            return 'M';
        }
        if (chapter >= 65 && chapter <= 71) {
            return 'N';
        }
        if (chapter >= 72 && chapter <= 75) {
            return 'O';
        }
        if (chapter >= 76 && chapter <= 84) {
            return 'I';
        }
        return chapter >= 85 && chapter <= 86 ? 'J' : 0;
    }

    private record Key(char mdc, boolean surgical, Level level) {
    }

    private static final class Choice {
        private final DrgGroup[] groups;
        private final AliasTable table;

        Choice(List<DrgGroup> groups) {
            this.groups = groups.toArray(new DrgGroup[0]);
            double[] weights = new double[groups.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.pow(groups.get(i).relativeWeight().doubleValue(), -1.5);
            }
            this.table = new AliasTable(weights);
        }

        DrgGroup draw(SplittableRandom random) {
            return groups[table.draw(random)];
        }
    }
}
