package dev.insightssync.common.step;

/** Input of the UpdateThreatIntelSet step: the run and the list files to publish. */
public record UpdateThreatIntelSetInput(RunContext run, ThreatListFile ipList, ThreatListFile domainList) implements StepInput {
}
