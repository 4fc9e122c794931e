package dev.insightssync.statemachine.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.AuthenticateInput;
import dev.insightssync.common.step.AuthenticateOutput;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.step.WriteThreatListInput;
import dev.insightssync.common.step.WriteThreatListOutput;
import dev.insightssync.common.testing.InsightsFixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Measures the cold start of the five Lambda functions: for each function it starts a new
 * {@code java} process whose class path is only the function's shaded
 * {@code functions/<module>/target/<module>-lambda.jar} plus {@link ColdStartHarness}, and times
 * process start to the first line written after the handler returned.
 *
 * <p>The handlers call loopback servers ({@link LoopbackServices}). A warm-up pass runs the five
 * functions once in pipeline order, each with the previous one's output, which stores the
 * artifacts the later steps read and fills the OS file cache. Then every round runs every
 * function once per JVM flag set. Every output is checked against the fixture tenant, so a
 * failing handler cannot pass for a fast one.
 *
 * <p>Run it from the repository root after building the jars:
 * <pre>
 * mvn -o -q -B package -DskipTests
 * mvn -o -q -B -f statemachine/pom.xml test-compile exec:java -DskipTests -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.insightssync.statemachine.benchmark.ColdStartBenchmark -Dcoldstart.rounds=5
 * </pre>
 * It prints Markdown tables: jar sizes with the SDK service modules inside, then times.
 */
public final class ColdStartBenchmark {

    /** System property with the number of timed rounds, 1 to {@value #MAX_ROUNDS}. */
    public static final String ROUNDS_PROPERTY = "coldstart.rounds";
    private static final int DEFAULT_ROUNDS = 5;
    private static final int MAX_ROUNDS = 50;
    /** A handler JVM that runs longer than this is killed and the benchmark fails. */
    private static final long CHILD_TIMEOUT_SECONDS = 120;
    private static final String SDK_SERVICES = "software/amazon/awssdk/services/";
    private static final RunContext RUN = new RunContext("coldstart-benchmark", InsightsFixtures.NOW,
            SyncOptions.defaults());

    /**
     * JVM flag sets to compare. Lambda's java17 and java21 runtimes stop tiered compilation at
     * level 1 by default (AWS Lambda Developer Guide, "Customize Java runtime startup behavior").
     */
    private static final Map<String, List<String>> FLAG_SETS = flagSets();

    private final Path harnessDir;
    private final Path workDir;
    private final Map<String, String> environment;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coldstart-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private int childRuns;

    private ColdStartBenchmark(Path workDir, Map<String, String> environment) throws IOException {
        this.workDir = workDir;
        this.harnessDir = copyHarness(workDir.resolve("harness"));
        this.environment = environment;
    }

    /**
     * Runs the benchmark and prints the tables (the class comment gives the command). It ends the
     * JVM with status 0, or with status 1 after printing the exception, because S3Mock and
     * WireMock leave non-daemon threads behind, which would keep {@code exec:java} waiting.
     */
    public static void main(String[] args) {
        try {
            run(Integer.getInteger(ROUNDS_PROPERTY, DEFAULT_ROUNDS));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(int rounds) throws Exception {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException(ROUNDS_PROPERTY + " must be 1 to " + MAX_ROUNDS + ", got " + rounds);
        }
        Path root = repositoryRoot();
        List<Function> functions = functions(root);
        for (Function function : functions) {
            if (!Files.isRegularFile(function.jar())) {
                throw new IllegalStateException("No " + function.jar() + ". Build the jars first with"
                        + " 'mvn -o -q -B package -DskipTests' in " + root + ".");
            }
        }
        printJars(functions);

        Path workDir = Files.createTempDirectory("coldstart-");
        try (LoopbackServices services = LoopbackServices.start()) {
            ColdStartBenchmark benchmark = new ColdStartBenchmark(workDir, services.handlerEnvironment());
            try {
                benchmark.warmUp(functions);
                Map<String, Map<String, List<Sample>>> samples = benchmark.measure(functions, rounds);
                printTimes(functions, samples, rounds);
                System.out.printf(Locale.ROOT, "%nHandler JVMs started: %d (%d warm-up). Java: %s %s.%n",
                        benchmark.childRuns, functions.size(), System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"));
            } finally {
                benchmark.watchdog.shutdownNow();
            }
        }
        // Kept when a run failed, for the handler's standard error.
        deleteRecursively(workDir);
    }

    /** Runs every function once in pipeline order and writes each timed run's input file. */
    private void warmUp(List<Function> functions) throws IOException {
        ObjectMapper mapper = Json.mapper();
        Object input = new AuthenticateInput(RUN);
        for (Function function : functions) {
            Files.write(function.inputFile(workDir), mapper.writeValueAsBytes(input));
            String output = run(function, List.of()).output();
            input = switch (function.module()) {
                case "authenticate" -> new FetchCampaignsInput(RUN);
                case "fetch-campaigns" -> new NormalizeIocsInput(RUN,
                        mapper.readValue(output, FetchCampaignsOutput.class).manifestKey());
                case "normalize-iocs" -> new WriteThreatListInput(RUN,
                        mapper.readValue(output, NormalizeIocsOutput.class).indicatorsKey());
                case "write-threat-list" -> {
                    WriteThreatListOutput written = mapper.readValue(output, WriteThreatListOutput.class);
                    yield new UpdateThreatIntelSetInput(RUN, written.ipList(), written.domainList());
                }
                default -> null;
            };
        }
    }

    /** Returns samples by flag set, then by module. */
    private Map<String, Map<String, List<Sample>>> measure(List<Function> functions, int rounds) {
        Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> flagSet : FLAG_SETS.entrySet()) {
                Map<String, List<Sample>> byModule = samples.computeIfAbsent(flagSet.getKey(), key -> new LinkedHashMap<>());
                for (Function function : functions) {
                    Sample sample = run(function, flagSet.getValue());
                    byModule.computeIfAbsent(function.module(), key -> new ArrayList<>()).add(sample);
                }
            }
            System.err.printf(Locale.ROOT, "round %d of %d done%n", round, rounds);
        }
        return samples;
    }

    /** Starts one handler JVM, times it and checks its output. */
    private Sample run(Function function, List<String> flags) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(function.jar() + File.pathSeparator + harnessDir);
        command.add(ColdStartHarness.class.getName());
        command.add(function.handler());
        command.add(function.inputFile(workDir).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(workDir.resolve(function.module() + ".stderr").toFile());
        // Only the variables a Lambda function would get, so nothing of this shell leaks in.
        builder.environment().clear();
        builder.environment().putAll(environment);
        childRuns++;

        long startNanos = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start " + command.get(0), e);
        }
        ScheduledFuture<?> kill = watchdog.schedule(process::destroyForcibly, CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            return readSample(function, process, startNanos, workDir);
        } finally {
            kill.cancel(false);
        }
    }

    private static Sample readSample(Function function, Process process, long startNanos, Path workDir) {
        long doneNanos = -1;
        long constructorNanos = -1;
        long handleNanos = -1;
        long uptimeMillis = -1;
        String output = null;
        int logLines = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(ColdStartHarness.DONE_MARKER + " ")) {
                    doneNanos = System.nanoTime();
                    String[] fields = line.split(" ");
                    constructorNanos = Long.parseLong(fields[1]);
                    handleNanos = Long.parseLong(fields[2]);
                } else if (line.startsWith(ColdStartHarness.UPTIME_MARKER + " ")) {
                    uptimeMillis = Long.parseLong(line.substring(ColdStartHarness.UPTIME_MARKER.length() + 1));
                } else if (line.startsWith(ColdStartHarness.OUTPUT_MARKER + " ")) {
                    output = line.substring(ColdStartHarness.OUTPUT_MARKER.length() + 1);
                } else {
                    logLines++;
                }
            }
            int exitCode = process.waitFor();
            if (exitCode != 0 || doneNanos < 0 || uptimeMillis < 0 || output == null) {
                throw new IllegalStateException(function.module() + " handler JVM exited with status " + exitCode
                        + " without the three harness lines. Its standard error is in "
                        + workDir.resolve(function.module() + ".stderr") + "; that folder is kept.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the output of the " + function.module() + " handler JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the " + function.module() + " handler JVM", e);
        }
        function.check().accept(output);
        return new Sample((doneNanos - startNanos) / 1e6, uptimeMillis, constructorNanos / 1e6, handleNanos / 1e6,
                logLines, output);
    }

    private static List<Function> functions(Path root) {
        ObjectMapper mapper = Json.mapper();
        int ipEntries = lineCount(InsightsFixtures.raw("expected/ip-list.txt"));
        int domainEntries = lineCount(InsightsFixtures.raw("expected/domain-list.txt"));
        return List.of(
                Function.of(root, "authenticate", "dev.insightssync.authenticate.AuthenticateHandler", output ->
                        expect(read(mapper, output, AuthenticateOutput.class).tokenExpiresAt() != null,
                                "authenticate returned no token expiry")),
                Function.of(root, "fetch-campaigns", "dev.insightssync.fetch.FetchCampaignsHandler", output -> {
                    int campaigns = read(mapper, output, FetchCampaignsOutput.class).campaigns();
                    expect(campaigns == InsightsFixtures.CAMPAIGN_IDS.size() - 1,
                            "fetch-campaigns found " + campaigns + " campaigns in the window, expected "
                                    + (InsightsFixtures.CAMPAIGN_IDS.size() - 1));
                }),
                Function.of(root, "normalize-iocs", "dev.insightssync.normalize.NormalizeIocsHandler", output -> {
                    NormalizeIocsOutput normalized = read(mapper, output, NormalizeIocsOutput.class);
                    expect(normalized.ipEntries() == ipEntries, "normalize-iocs returned " + normalized.ipEntries()
                            + " IP entries, expected " + ipEntries);
                    expect(normalized.domainEntries() == domainEntries, "normalize-iocs returned "
                            + normalized.domainEntries() + " domain entries, expected " + domainEntries);
                }),
                Function.of(root, "write-threat-list", "dev.insightssync.write.WriteThreatListHandler", output -> {
                    WriteThreatListOutput written = read(mapper, output, WriteThreatListOutput.class);
                    expect(written.ipList().entries() == ipEntries, "write-threat-list wrote "
                            + written.ipList().entries() + " IP lines, expected " + ipEntries);
                    expect(written.domainList().entries() == domainEntries, "write-threat-list wrote "
                            + written.domainList().entries() + " domain lines, expected " + domainEntries);
                }),
                Function.of(root, "update-threat-intel-set", "dev.insightssync.publish.UpdateThreatIntelSetHandler",
                        output -> {
                            UpdateThreatIntelSetOutput published = read(mapper, output, UpdateThreatIntelSetOutput.class);
                            expect(LoopbackServices.IP_SET_ID.equals(published.ipList().setId()),
                                    "update-threat-intel-set published the IP list to " + published.ipList().setId()
                                            + ", expected " + LoopbackServices.IP_SET_ID);
                            expect(LoopbackServices.DOMAIN_SET_ID.equals(published.domainList().setId()),
                                    "update-threat-intel-set published the domain list to "
                                            + published.domainList().setId() + ", expected " + LoopbackServices.DOMAIN_SET_ID);
                        }));
    }

    private static void printJars(List<Function> functions) throws IOException {
        System.out.println("| function | jar bytes | MiB | entries | SDK service modules |");
        System.out.println("|---|---:|---:|---:|---|");
        for (Function function : functions) {
            long bytes = Files.size(function.jar());
            TreeSet<String> services = new TreeSet<>();
            int entries = 0;
            try (ZipFile jar = new ZipFile(function.jar().toFile())) {
                for (Enumeration<? extends ZipEntry> all = jar.entries(); all.hasMoreElements(); ) {
                    String name = all.nextElement().getName();
                    entries++;
                    if (name.startsWith(SDK_SERVICES) && name.indexOf('/', SDK_SERVICES.length()) > 0) {
                        services.add(name.substring(SDK_SERVICES.length(), name.indexOf('/', SDK_SERVICES.length())));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %,d | %s |%n", function.module(), bytes,
                    bytes / (1024.0 * 1024.0), entries, String.join(", ", services));
        }
    }

    private static void printTimes(List<Function> functions, Map<String, Map<String, List<Sample>>> samples,
            int rounds) {
        for (Map.Entry<String, Map<String, List<Sample>>> flagSet : samples.entrySet()) {
            System.out.printf(Locale.ROOT, "%nJVM flags: %s (%d runs per function; ms, median / min)%n%n",
                    FLAG_SETS.get(flagSet.getKey()).isEmpty() ? "none" : String.join(" ", FLAG_SETS.get(flagSet.getKey())),
                    rounds);
            System.out.println("| function | process start to response | JVM uptime at response"
                    + " | constructor | handleRequest | log lines |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Function function : functions) {
                List<Sample> runs = flagSet.getValue().get(function.module());
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %d |%n", function.module(),
                        medianMin(runs, Sample::wallMillis), medianMin(runs, Sample::uptimeMillis),
                        medianMin(runs, Sample::constructorMillis), medianMin(runs, Sample::handleMillis),
                        runs.get(0).logLines());
            }
        }
    }

    private static String medianMin(List<Sample> runs, ToDoubleFunction<Sample> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return String.format(Locale.ROOT, "%,.0f / %,.0f", median, values[0]);
    }

    private static Map<String, List<String>> flagSets() {
        Map<String, List<String>> flagSets = new LinkedHashMap<>();
        flagSets.put("jdk-defaults", List.of());
        flagSets.put("lambda-tiered", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        return flagSets;
    }

    /** Returns the repository root: this class is in {@code statemachine/target/test-classes}. */
    private static Path repositoryRoot() throws URISyntaxException {
        Path classes = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.getParent().getParent().getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("functions"))) {
            throw new IllegalStateException("Expected the repository root three levels above " + classes
                    + ", but " + root + " has no pom.xml and functions folder");
        }
        return root;
    }

    /** Copies the harness class file alone, so the handler JVM loads none of this module's classes. */
    private static Path copyHarness(Path dir) throws IOException {
        String resource = ColdStartHarness.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = ColdStartHarness.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Class file " + resource + " not found on the class path. Run test-compile.");
            }
            Files.copy(in, target);
        }
        return dir;
    }

    private static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Invalid handler output, expected a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private static int lineCount(String text) {
        return (int) text.lines().filter(line -> !line.isBlank()).count();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * One Lambda function under test.
     *
     * @param jar     the shaded jar, the handler JVM's whole class path apart from the harness
     * @param module  the Maven module name, also the jar's prefix
     * @param handler the handler class name
     * @param check   throws when an output is not what the fixture tenant produces
     */
    private record Function(Path jar, String module, String handler, Consumer<String> check) {

        static Function of(Path root, String module, String handler, Consumer<String> check) {
            return new Function(root.resolve("functions").resolve(module).resolve("target").resolve(module + "-lambda.jar"),
                    module, handler, check);
        }

        Path inputFile(Path workDir) {
            return workDir.resolve(module + "-input.json");
        }
    }

    /**
     * One handler JVM run, times in milliseconds.
     *
     * @param wallMillis        from just before {@code ProcessBuilder.start()} to reading the harness's first line
     * @param uptimeMillis      the JVM's own uptime when the handler returned
     * @param constructorMillis the handler's no-arg constructor, class loading included
     * @param handleMillis      {@code handleRequest}
     * @param logLines          lines the handler logged to standard output
     * @param output            the handler's output JSON, which the warm-up passes to the next step
     */
    private record Sample(double wallMillis, double uptimeMillis, double constructorMillis, double handleMillis,
            int logLines, String output) {
    }
}
