package dev.insightssync.common.step;

/** Input of the WriteThreatList step: the run and the indicators written by NormalizeIocs. */
public record WriteThreatListInput(RunContext run, String indicatorsKey) implements StepInput {
}
