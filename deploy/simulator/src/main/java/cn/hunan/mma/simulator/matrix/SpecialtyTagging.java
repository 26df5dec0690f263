package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.Level;

import java.util.SplittableRandom;

/**
 * Which departments are recognised as key (重点), advantage (优势) or characteristic (特色)
 * specialties: most recognition sits at provincial and city hospitals; TCM departments are the
 * usual characteristic specialties of county and township institutions.
 */
final class SpecialtyTagging {

    private SpecialtyTagging() {
    }

    static SpecialtyTag tag(Level level, ServiceLine line, SplittableRandom random) {
        double u = random.nextDouble();
        return switch (level) {
            case VILLAGE -> SpecialtyTag.ORDINARY;
            case TOWNSHIP -> (line.isTcm() || line == ServiceLine.REHABILITATION) && u < 0.12
                    ? SpecialtyTag.CHARACTERISTIC : SpecialtyTag.ORDINARY;
            case COUNTY -> line.isTcm() ? pick(u, 0.06, 0.14, 0.45) : pick(u, 0.06, 0.14, 0.04);
            case CITY -> pick(u, 0.15, 0.20, line.isTcm() ? 0.30 : 0.05);
            case PROVINCE -> pick(u, 0.35, 0.25, 0.05);
        };
    }

    private static SpecialtyTag pick(double u, double key, double advantage, double characteristic) {
        if (u < key) {
            return SpecialtyTag.KEY;
        }
        if (u < key + advantage) {
            return SpecialtyTag.ADVANTAGE;
        }
        return u < key + advantage + characteristic ? SpecialtyTag.CHARACTERISTIC : SpecialtyTag.ORDINARY;
    }
}
