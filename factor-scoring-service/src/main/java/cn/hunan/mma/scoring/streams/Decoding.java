package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.contract.ContractRecord;

/**
 * A raw input record after decoding: the record (null when rejected) and the original bytes —
 * which go to the dead-letter topic on a rejection, and on to the ledger (no re-encoding) otherwise.
 */
record Decoding(ContractRecord record, byte[] bytes) {

    boolean accepted() {
        return record != null;
    }
}
