package cn.hunan.mma.simulator.events.clinical;

import java.util.List;

/**
 * Which CHS-DRG major diagnostic category (the group code's first letter) an ICD-10 category
 * falls in: by body system, with tumours by site. A simplification of the real grouper, which
 * also looks at procedures and complications; enough to pick a DRG that fits the diagnosis.
 */
final class MajorDiagnosticCategories {

    private record Range(String from, String to, char mdc) {
    }

    private static final List<Range> RANGES = List.of(
            new Range("B20", "B24", 'Y'),
            new Range("A00", "B99", 'S'),
            new Range("C00", "C14", 'D'), new Range("C15", "C21", 'G'), new Range("C22", "C25", 'H'),
            new Range("C30", "C39", 'E'), new Range("C40", "C41", 'I'), new Range("C43", "C50", 'J'),
            new Range("C51", "C58", 'N'), new Range("C60", "C63", 'M'), new Range("C64", "C68", 'L'),
            new Range("C69", "C69", 'C'), new Range("C70", "C72", 'B'), new Range("C73", "C75", 'K'),
            new Range("C76", "D48", 'R'),
            new Range("D50", "D89", 'Q'),
            new Range("E00", "E90", 'K'),
            new Range("F10", "F19", 'U'), new Range("F00", "F99", 'T'),
            new Range("G00", "G99", 'B'),
            new Range("H00", "H59", 'C'), new Range("H60", "H95", 'D'),
            new Range("I60", "I69", 'B'), new Range("I00", "I99", 'F'),
            new Range("J00", "J99", 'E'),
            new Range("K00", "K14", 'D'), new Range("K70", "K87", 'H'), new Range("K00", "K93", 'G'),
            new Range("L00", "L99", 'J'),
            new Range("M00", "M99", 'I'),
            new Range("N00", "N39", 'L'), new Range("N40", "N53", 'M'), new Range("N60", "N64", 'J'),
            new Range("N65", "N98", 'N'),
            new Range("O00", "O99", 'O'),
            new Range("P00", "P96", 'P'),
            new Range("Q20", "Q28", 'F'), new Range("Q00", "Q07", 'B'), new Range("Q00", "Q99", 'X'),
            new Range("R00", "R99", 'X'),
            new Range("S06", "S06", 'B'), new Range("S00", "S99", 'I'),
            new Range("T20", "T32", 'W'), new Range("T00", "T98", 'V'),
            new Range("Z00", "Z99", 'X'));

    private MajorDiagnosticCategories() {
    }

    static char of(String category) {
        for (Range range : RANGES) {
            if (category.compareTo(range.from()) >= 0 && category.compareTo(range.to()) <= 0) {
                return range.mdc();
            }
        }
        return 'X';
    }
}
