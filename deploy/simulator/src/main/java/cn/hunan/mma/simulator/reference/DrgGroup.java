package cn.hunan.mma.simulator.reference;

import java.math.BigDecimal;

/**
 * A local CHS-DRG 1.1 group with its relative weight, as Changsha, Zhuzhou, Xiangtan and
 * Hengyang used them in 2023.
 */
public record DrgGroup(String code, String name, BigDecimal relativeWeight, String adrgCode) {

    /** The major diagnostic category letter: the group code's first letter (B = nervous system, …). */
    public char mdc() {
        return code.charAt(0);
    }

    /** CHS-DRG ADRGs whose second letter is A–J are surgical (operating-room procedure) groups. */
    public boolean surgical() {
        char c = adrgCode.charAt(1);
        return c >= 'A' && c <= 'J';
    }
}
