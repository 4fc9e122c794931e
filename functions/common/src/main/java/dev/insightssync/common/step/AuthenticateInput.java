package dev.insightssync.common.step;

/** Input of the Authenticate step. */
public record AuthenticateInput(RunContext run) implements StepInput {
}
