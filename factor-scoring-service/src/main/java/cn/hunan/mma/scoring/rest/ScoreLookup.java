package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.scoring.streams.ScoreReading;

/** Where a scope's totals can be read: here, on another instance, or nowhere yet (state restoring). */
sealed interface ScoreLookup {

    record Local(ScoreReading reading) implements ScoreLookup {
    }

    /** @param hostAndPort the instance's {@code application.server} */
    record OtherInstance(String hostAndPort) implements ScoreLookup {
    }

    record NotReady(String state) implements ScoreLookup {
    }
}
