package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.contract.ContractRecord;

/**
 * A raw input record after decoding: the record (null when rejected), the original bytes — which go
 * to the dead-letter topic on a rejection — and which input topic it came from, by its index in
 * {@link ScoringTopology#INPUTS}.
 */
record Decoding(ContractRecord record, byte[] bytes, int input) {

    boolean accepted() {
        return record != null;
    }
}
