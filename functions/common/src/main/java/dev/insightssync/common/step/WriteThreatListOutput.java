package dev.insightssync.common.step;

/** Output of the WriteThreatList step: the IPv4 list file and the domain list file. */
public record WriteThreatListOutput(ThreatListFile ipList, ThreatListFile domainList) {
}
