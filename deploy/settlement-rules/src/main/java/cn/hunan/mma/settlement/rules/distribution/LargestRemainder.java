package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount in proportion to weights, to the fen, so the parts add up exactly (Hamilton's
 * largest-remainder method): every part gets its exact share rounded down, and the fen left over go
 * one each to the largest remainders; equal remainders go in list order, so callers fix the order
 * (by institution id) and a re-run gives the same fen to the same member.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /** Parts of {@code total} in proportion to {@code weights}; all-zero weights split it equally. */
    public static List<Money> split(Money total, List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            if (!total.isZero()) {
                throw new IllegalArgumentException("cannot split " + total + " among nobody");
            }
            return List.of();
        }
        if (weights.stream().anyMatch(weight -> weight.signum() < 0)) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> effective = sum.signum() == 0 ? weights.stream().map(weight -> BigDecimal.ONE).toList() : weights;
        BigDecimal effectiveSum = sum.signum() == 0 ? BigDecimal.valueOf(weights.size()) : sum;
        BigDecimal totalFen = BigDecimal.valueOf(total.fen());

        long[] parts = new long[effective.size()];
        BigDecimal[] remainders = new BigDecimal[effective.size()];
        long allocated = 0;
        for (int i = 0; i < effective.size(); i++) {
            // exact numerator, one division: the remainder comparisons stay exact in practice
            BigDecimal exact = totalFen.multiply(effective.get(i)).divide(effectiveSum, 20, RoundingMode.DOWN);
            BigDecimal whole = exact.setScale(0, RoundingMode.DOWN);
            parts[i] = whole.longValueExact();
            remainders[i] = exact.subtract(whole);
            allocated += parts[i];
        }
        long left = total.fen() - allocated;
        List<Integer> order = new ArrayList<>(IntStream.range(0, parts.length).boxed().toList());
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            parts[order.get(k % order.size())]++;
        }
        List<Money> result = new ArrayList<>(parts.length);
        for (long part : parts) {
            result.add(Money.ofFen(part));
        }
        return List.copyOf(result);
    }
}
