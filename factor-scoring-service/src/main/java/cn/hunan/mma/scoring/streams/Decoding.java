package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.contract.ContractRecord;

/** A raw input record after decoding: the record, or the original bytes going to the dead-letter topic. */
record Decoding(ContractRecord record, byte[] rejectedValue) {

    boolean accepted() {
        return record != null;
    }
}
