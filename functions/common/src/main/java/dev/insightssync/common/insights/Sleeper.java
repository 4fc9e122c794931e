package dev.insightssync.common.insights;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the delay instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    /** The sleeper that really waits. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
