package dev.insightssync.common.step;

/** Input of the NormalizeIocs step: the run and the manifest written by FetchCampaigns. */
public record NormalizeIocsInput(RunContext run, String manifestKey) implements StepInput {
}
