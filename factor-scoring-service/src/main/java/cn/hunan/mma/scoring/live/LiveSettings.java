package cn.hunan.mma.scoring.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the live stream ({@code mma.live.*}).
 */
@ConfigMapping(prefix = "mma.live")
public interface LiveSettings {

    /**
     * Events held per client before the client is declared slow: its buffer is emptied and it gets one {@code resync}. */
    @WithDefault("1024")
    int clientBuffer();

    /** How often an idle connection gets a comment line, so proxies and the page see it is alive. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** A client whose last write has not completed for this long is disconnected (its socket is stuck). */
    @WithDefault("PT60S")
    Duration stallTimeout();

    /** The compacted topic of live surplus projections (key {@code alliance|period}, JSON value). */
    @WithDefault("mma.scoring.surplus-projections")
    String surplusTopic();

    /** The largest surplus projection forwarded; a larger one is skipped as invalid. */
    @WithDefault("262144")
    int maxSurplusBytes();
}
