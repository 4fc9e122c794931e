package dev.insightssync.cli;

import java.util.Map;

/**
 * The summary of a run: with {@code run --json}, exactly this object is printed on standard output.
 *
 * @param campaigns     campaigns in the fetch window
 * @param iocsFetched   IOC resources fetched
 * @param ipEntries     entries in the IPv4 list
 * @param domainEntries entries in the domain list
 * @param dropped       IOCs not published, counted by reason
 * @param ipList        file path or {@code s3://} URL of the IPv4 list written
 * @param domainList    file path or {@code s3://} URL of the domain list written
 */
record RunSummary(
        int campaigns,
        long iocsFetched,
        int ipEntries,
        int domainEntries,
        Map<String, Long> dropped,
        String ipList,
        String domainList) {
}
