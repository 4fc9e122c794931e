package dev.insightssync.common.step;

/** A step input, which names the run it belongs to. */
public interface StepInput {

    RunContext run();
}
