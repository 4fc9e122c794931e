package dev.insightssync.common.step;

/** Input of the FetchCampaigns step. */
public record FetchCampaignsInput(RunContext run) implements StepInput {
}
