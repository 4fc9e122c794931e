package dev.insightssync.common.step;

/** A step input: every step knows which run it belongs to. */
public interface StepInput {

    RunContext run();
}
