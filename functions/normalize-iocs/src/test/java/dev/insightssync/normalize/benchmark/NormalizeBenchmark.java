package dev.insightssync.normalize.benchmark;

import dev.insightssync.normalize.Allowlist;
import dev.insightssync.normalize.DropReason;
import dev.insightssync.normalize.IocNormalizer;
import dev.insightssync.normalize.IocOutcome;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Measures {@link IocNormalizer} plus deduplication on one thread, next to {@code sort -u} of the
 * same raw values as a floor. Not a unit test: run it with the command in
 * {@code docs/benchmarks.md}.
 *
 * <p>Workloads (seeded, so every run generates the same values): 1,000,000 plain public IPv4 values,
 * and 1,000,000 mixed IOCs (ip, ip_port, domain, hostname, url, hashes) of which 30% repeat an
 * earlier value, 10% are defanged and 5% are invalid.
 */
public final class NormalizeBenchmark {

    private static final int COUNT = 1_000_000;
    private static final int ROUNDS = 5;
    private static final String[] TLDS = {"com", "net", "org", "ru", "top", "xyz", "info", "com.br", "co.uk", "life"};

    private NormalizeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        IocNormalizer normalizer = new IocNormalizer(Allowlist.builtIn(), 16);
        System.out.printf(Locale.ROOT, "java %s, %d available processors, max heap %d MiB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        String[][] plain = plainIpv4(new Random(1));
        report("plain IPv4", normalizer, plain);
        plain = null;

        String[][] mixed = mixed(new Random(2));
        report("mixed", normalizer, mixed);
    }

    private static void report(String name, IocNormalizer normalizer, String[][] iocs) throws IOException, InterruptedException {
        System.gc();
        resetPeaks();
        long best = Long.MAX_VALUE;
        Result result = null;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            result = run(normalizer, iocs);
            best = Math.min(best, System.nanoTime() - start);
        }
        long peakHeap = peakHeapBytes();
        double perSecond = iocs[0].length / (best / 1e9);
        long sortNanos = sortUnique(iocs[1]);
        System.out.printf(Locale.ROOT,
                "%-10s  %,d IOCs  best of %d: %.0f ms = %,.0f IOCs/s  ip entries %,d  domain entries %,d  dropped %,d"
                        + "  peak heap %d MiB  |  sort -u: %.0f ms = %,.0f lines/s%n",
                name, iocs[0].length, ROUNDS, best / 1e6, perSecond, result.ip, result.domain, result.dropped,
                peakHeap >> 20, sortNanos / 1e6, iocs[1].length / (sortNanos / 1e9));
    }

    private static Result run(IocNormalizer normalizer, String[][] iocs) {
        Set<String> ip = new HashSet<>();
        Set<String> domain = new HashSet<>();
        long[] dropped = new long[DropReason.values().length];
        String[] types = iocs[0];
        String[] values = iocs[1];
        for (int i = 0; i < types.length; i++) {
            IocOutcome outcome = normalizer.normalize(types[i], values[i]);
            switch (outcome.kind()) {
                case IP -> ip.add(outcome.entry());
                case DOMAIN -> domain.add(outcome.entry());
                default -> dropped[outcome.reason().ordinal()]++;
            }
        }
        long droppedTotal = 0;
        for (long count : dropped) {
            droppedTotal += count;
        }
        return new Result(ip.size(), domain.size(), droppedTotal);
    }

    /** Runs {@code sort -u} (C locale, one thread) over the raw values, one a line, and returns the elapsed nanoseconds. */
    private static long sortUnique(String[] values) throws IOException, InterruptedException {
        Path input = Files.createTempFile("normalize-benchmark-", ".txt");
        Path output = Files.createTempFile("normalize-benchmark-", ".sorted");
        try {
            StringBuilder text = new StringBuilder(values.length * 24);
            for (String value : values) {
                text.append(value.replace('\n', ' ').replace('\r', ' ')).append('\n');
            }
            Files.writeString(input, text, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("sort", "-u", "--parallel=1", "-o", output.toString(), input.toString());
            builder.environment().put("LC_ALL", "C");
            builder.inheritIO();
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            long elapsed = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException("sort -u failed with exit code " + exit);
            }
            return elapsed;
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
    }

    private static String[][] plainIpv4(Random random) {
        String[] types = new String[COUNT];
        String[] values = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            types[i] = "ip";
            values[i] = publicAddress(random);
        }
        return new String[][] {types, values};
    }

    private static String[][] mixed(Random random) {
        String[] types = new String[COUNT];
        String[] values = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            if (i > 0 && random.nextInt(100) < 30) {
                int earlier = random.nextInt(i);
                types[i] = types[earlier];
                values[i] = values[earlier];
                continue;
            }
            int kind = random.nextInt(100);
            String type;
            String value;
            if (kind < 35) {
                type = "ip";
                value = publicAddress(random);
            } else if (kind < 40) {
                type = "ip_port";
                value = publicAddress(random) + ":" + (1 + random.nextInt(65535));
            } else if (kind < 62) {
                type = random.nextBoolean() ? "domain" : "hostname";
                value = domainName(random);
            } else if (kind < 80) {
                type = "url";
                value = (random.nextBoolean() ? "http://" : "https://") + domainName(random) + "/"
                        + Long.toHexString(random.nextLong()) + ".php?id=" + random.nextInt(1000);
            } else if (kind < 85) {
                type = "ip";
                value = publicAddress(random) + "/24";
            } else {
                type = random.nextBoolean() ? "md5" : "sha256";
                value = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            }
            int variant = random.nextInt(100);
            if (variant < 10) {
                value = defang(value);
            } else if (variant < 15) {
                value = invalid(random, type, value);
            }
            types[i] = type;
            values[i] = value;
        }
        return new String[][] {types, values};
    }

    private static String publicAddress(Random random) {
        return (11 + random.nextInt(89)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    private static String domainName(Random random) {
        StringBuilder name = new StringBuilder();
        if (random.nextInt(4) == 0) {
            name.append("cdn").append(random.nextInt(10)).append('.');
        }
        int length = 6 + random.nextInt(10);
        for (int i = 0; i < length; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.append('.').append(TLDS[random.nextInt(TLDS.length)]).toString();
    }

    private static String defang(String value) {
        return value.replace("https://", "hxxps://").replace("http://", "hxxp://").replace(".", "[.]");
    }

    private static String invalid(Random random, String type, String value) {
        return switch (random.nextInt(4)) {
            case 0 -> value + "\n" + value;
            case 1 -> type.startsWith("ip") ? "0" + value : "-" + value;
            case 2 -> value + ", " + value;
            default -> type.startsWith("ip") ? value + ".1" : value + "..";
        };
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Returns the sum of the heap pools' peak usage since the last reset (an upper bound on the peak heap). */
    private static long peakHeapBytes() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    private record Result(int ip, int domain, long dropped) {
    }
}
