package dev.insightssync.cli;

import dev.insightssync.common.config.Settings;
import dev.insightssync.normalize.NormalizeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insights-sync validate-list FILE}: checks a list file before GuardDuty gets it. */
@Command(
        name = "validate-list",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a TXT threat list file against GuardDuty's rules.",
            "Covers entry syntax, non-public addresses, encoding, line endings and size, prints each problem",
            "with its line number, and exits 1 if there is any."
        })
final class ValidateListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The list file to check.")
    Path file;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "IP",
            description = "IP for an IP list (ThreatIntelSet: IPv4 and CIDR only), ENTITY for an entity list "
                    + "(ThreatEntitySet: also domains). Default: ${DEFAULT-VALUE}.")
    ThreatListValidator.ListType type;

    @Option(names = "--max-entries", paramLabel = "N",
            description = "Maximum entries (default: 250000 for IP lists, DOMAIN_LIST_CAPACITY or 1000 for entity lists).")
    Integer maxEntries;

    @Override
    public Integer call() throws Exception {
        if (maxEntries != null && maxEntries < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid --max-entries " + maxEntries + ": expected 1 or more.");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "File not found: " + file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        }
        int limit = maxEntries != null ? maxEntries : defaultMaxEntries();
        List<ThreatListValidator.Problem> problems = new ThreatListValidator(type, limit).validate(content);

        PrintWriter out = spec.commandLine().getOut();
        problems.forEach(problem -> out.println(file + ": " + problem));
        out.println(problems.isEmpty()
                ? file + ": valid " + type + " list"
                : file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    private int defaultMaxEntries() {
        if (type == ThreatListValidator.ListType.IP) {
            return ThreatListValidator.MAX_IP_ENTRIES;
        }
        return NormalizeSettings.from(Settings.fromEnvironment()).domainCapacity();
    }
}
