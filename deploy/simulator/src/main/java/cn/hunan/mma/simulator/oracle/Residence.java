package cn.hunan.mma.simulator.oracle;

/**
 * Where a patient lives, as the scopes that count them as residents: their county, city and
 * province, and the alliances covering their division (whose budget their care is charged to).
 */
record Residence(int[] scopes) {
}
