package dev.insightssync.cli;

import picocli.CommandLine.IVersionProvider;

/** Returns the version recorded in the jar's manifest at build time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = InsightsSyncCli.class.getPackage().getImplementationVersion();
        return new String[] {"insights-sync " + (version == null ? "(development build)" : version)};
    }
}
