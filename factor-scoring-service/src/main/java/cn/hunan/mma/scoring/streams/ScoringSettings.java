package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.scoring.domain.RuleSet;

import java.time.Clock;
import java.time.Duration;

/**
 * @param grace           how long after its end a month still takes late events and corrections
 * @param emitInterval    how often changed scores are published
 * @param seed            the rule set in force until an operator loads another
 * @param sourceIdleAfter how long an input partition may stay silent before months close without waiting for it
 */
public record ScoringSettings(ContractCodec codec, Duration grace, Duration emitInterval, RuleSet seed, Clock clock,
                              Duration sourceIdleAfter) {

    /** With the default idle time, {@link LedgerProcessor#SOURCE_IDLE_AFTER}. */
    public ScoringSettings(ContractCodec codec, Duration grace, Duration emitInterval, RuleSet seed, Clock clock) {
        this(codec, grace, emitInterval, seed, clock, LedgerProcessor.SOURCE_IDLE_AFTER);
    }
}
