package dev.insightssync.normalize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.IndicatorSet;
import dev.insightssync.common.step.IndicatorSet.CampaignRef;
import dev.insightssync.common.step.IndicatorSet.Indicator;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.step.RawFeedManifest.CampaignPages;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.store.ArtifactNotFoundException;
import dev.insightssync.common.store.ArtifactStore;
import dev.insightssync.normalize.IndicatorState.StoredIndicator;
import dev.insightssync.normalize.NormalizeReport.DropSummary;
import dev.insightssync.normalize.NormalizeReport.ListSummary;
import dev.insightssync.normalize.NormalizeReport.StateSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the NormalizeIocs step. It reads the raw IOC pages listed in the fetch manifest one page
 * at a time, normalizes every IOC and deduplicates entries across campaigns. Then it merges them
 * with the previous indicator state, ages out old entries, applies list capacities and stores
 * the indicator set, the new state and a report.
 *
 * <p>Retention: an entry stays listed until {@code retentionDays} after the start time of the
 * last run that fetched it ({@code lastObserved}). The run start time comes from the execution
 * input, so a redriven execution computes the same result. A run that fetched nothing removes
 * only entries older than the retention.
 *
 * <p>Capacity: when a list has more entries than it can hold, entries are kept by campaign threat
 * level (1 = high first), then by campaign {@code updated-on} (newest first), then by lethality
 * (highest first), then by value. Entries cut for capacity stay in the state.
 *
 * <p>The step is safe to rerun: it reads only the manifest, the raw pages, the allowlists and
 * {@code state/indicators.json} (which the state machine replaces only after a successful
 * execution), and writes only keys under the run's own prefix.
 */
public final class NormalizeIocsService {

    /** Key of the state left by the last successful execution. */
    public static final String STATE_KEY = "state/indicators.json";

    static final String OVER_CAPACITY = "over-capacity";

    private static final Logger LOG = LoggerFactory.getLogger(NormalizeIocsService.class);
    private static final Allowlist BUILT_IN = Allowlist.builtIn();
    private static final int MAX_EXAMPLES = 10;
    private static final int MAX_EXAMPLE_LENGTH = 200;
    private static final String JSON = "application/json";

    private final ArtifactStore store;
    private final NormalizeSettings settings;

    public NormalizeIocsService(ArtifactStore store, NormalizeSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Normalizes the run's raw IOCs and stores the indicator set, the merged state and the report. */
    public NormalizeIocsOutput normalize(NormalizeIocsInput input) {
        RunContext run = input.run();
        String prefix = run.runPrefix();
        IocNormalizer normalizer = new IocNormalizer(loadAllowlist(), settings.minCidrPrefix());
        RawFeedManifest manifest = readJson(input.manifestKey(), RawFeedManifest.class)
                .orElseThrow(() -> new ArtifactNotFoundException(store.locationOf(input.manifestKey())));

        Collector collector = new Collector(normalizer);
        List<CampaignPages> campaigns = manifest.campaigns() == null ? List.of() : manifest.campaigns();
        for (CampaignPages campaign : campaigns) {
            CampaignRef ref = new CampaignRef(campaign.id(), campaign.name(), campaign.threatLevelId());
            for (String pageKey : campaign.iocPageKeys() == null ? List.<String>of() : campaign.iocPageKeys()) {
                readPage(pageKey, ioc -> collector.add(ref, campaign.updatedOn(), ioc));
                collector.pagesRead++;
            }
        }

        Optional<IndicatorState> previous = readState();
        Merge ipMerge = merge(normalizer, "ip", previous.map(IndicatorState::ip).orElse(List.of()),
                collector.ip, run.startedAt(), settings.ipCapacity());
        Merge domainMerge = merge(normalizer, "domain", previous.map(IndicatorState::domain).orElse(List.of()),
                collector.domain, run.startedAt(), settings.domainCapacity());

        String indicatorsKey = prefix + "indicators.json";
        String stateKey = prefix + "indicator-state.json";
        String reportKey = prefix + "report.json";
        IndicatorSet indicatorSet = new IndicatorSet(ipMerge.listedIndicators(), domainMerge.listedIndicators());
        IndicatorState state = new IndicatorState(IndicatorState.CURRENT_VERSION, run.startedAt(), run.executionName(),
                ipMerge.stored, domainMerge.stored);

        Map<String, Long> dropped = new TreeMap<>();
        collector.drops.forEach((reason, summary) -> dropped.put(reason, summary.count));
        int cut = ipMerge.cut + domainMerge.cut;
        if (cut > 0) {
            dropped.put(OVER_CAPACITY, (long) cut);
        }
        NormalizeReport report = new NormalizeReport(run.executionName(), run.startedAt(), input.manifestKey(),
                campaigns.size(), collector.pagesRead, collector.iocsRead, collector.iocTypes,
                new TreeMap<>(Map.of("ip", ipMerge.summary(settings.ipCapacity()),
                        "domain", domainMerge.summary(settings.domainCapacity()))),
                collector.dropSummaries(), collector.hostBitsCleared,
                new StateSummary(STATE_KEY, previous.isPresent(),
                        previous.map(p -> size(p.ip()) + size(p.domain())).orElse(0),
                        ipMerge.stored.size() + domainMerge.stored.size(),
                        ipMerge.expired + domainMerge.expired,
                        ipMerge.removedByRules + domainMerge.removedByRules,
                        settings.retentionDays()));

        writeJson(indicatorsKey, indicatorSet, false);
        writeJson(stateKey, state, false);
        writeJson(reportKey, report, true);
        LOG.info("Normalized {} IOCs from {} pages: {} IP entries, {} domain entries, {} cut for capacity, dropped {}",
                collector.iocsRead, collector.pagesRead, ipMerge.listed.size(), domainMerge.listed.size(), cut, dropped);
        return new NormalizeIocsOutput(ipMerge.listed.size(), domainMerge.listed.size(), dropped, indicatorsKey,
                reportKey, stateKey, cut);
    }

    private Allowlist loadAllowlist() {
        Allowlist allowlist = BUILT_IN;
        if (settings.userAllowlistKey() != null) {
            String key = settings.userAllowlistKey();
            byte[] bytes = store.read(key).orElseThrow(() -> new UserAllowlistNotFoundException(store.locationOf(key)));
            allowlist = allowlist.merge(parseAllowlist(store.locationOf(key), new String(bytes, StandardCharsets.UTF_8)));
        }
        if (settings.userAllowlistFile() != null) {
            String text;
            try {
                text = Files.readString(settings.userAllowlistFile(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserAllowlistNotFoundException(settings.userAllowlistFile().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read the user allowlist " + settings.userAllowlistFile()
                        + ": " + e.getMessage(), e);
            }
            allowlist = allowlist.merge(parseAllowlist(settings.userAllowlistFile().toString(), text));
        }
        return allowlist;
    }

    private static Allowlist parseAllowlist(String source, String text) {
        try {
            return Allowlist.parse(source, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams one raw page: only the current IOC object is held in memory, never the whole page tree. */
    private void readPage(String key, java.util.function.Consumer<JsonNode> consumer) {
        ObjectMapper mapper = Json.mapper();
        try (InputStream in = store.open(key); JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new RawPageFormatException(store.locationOf(key), "it is not a JSON object", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken token = parser.nextToken();
                if ("data".equals(field) && token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        consumer.accept(mapper.readTree(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new RawPageFormatException(store.locationOf(key), "invalid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + store.locationOf(key) + ": " + e.getMessage(), e);
        }
    }

    private Optional<IndicatorState> readState() {
        Optional<byte[]> bytes = store.read(STATE_KEY);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(bytes.get(), IndicatorState.class));
        } catch (IOException e) {
            throw new IndicatorStateFormatException(store.locationOf(STATE_KEY), e);
        }
    }

    private <T> Optional<T> readJson(String key, Class<T> type) {
        Optional<byte[]> bytes = store.read(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(bytes.get(), type));
        } catch (IOException e) {
            throw new RawPageFormatException(store.locationOf(key), "not a valid " + type.getSimpleName(), e);
        }
    }

    private void writeJson(String key, Object value, boolean pretty) {
        try {
            byte[] bytes = pretty
                    ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value)
                    : Json.mapper().writeValueAsBytes(value);
            store.put(key, bytes, JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to serialize " + key + ": " + e.getOriginalMessage(), e);
        }
    }

    private Merge merge(IocNormalizer normalizer, String list, List<StoredIndicator> previous,
                        Map<String, IndicatorBuilder> current, Instant runStartedAt, int capacity) {
        Merge merge = new Merge();
        Duration retention = Duration.ofDays(settings.retentionDays());
        Map<String, IndicatorBuilder> merged = new HashMap<>();
        Set<String> previouslyListed = new HashSet<>();
        IocOutcome.Kind kind = list.equals("ip") ? IocOutcome.Kind.IP : IocOutcome.Kind.DOMAIN;
        for (StoredIndicator stored : previous == null ? List.<StoredIndicator>of() : previous) {
            if (stored.listed()) {
                previouslyListed.add(stored.value());
            }
            // Rules and allowlists may have changed since the entry was stored, so it passes them again.
            IocOutcome outcome = normalizer.normalize(list, stored.value());
            if (outcome.kind() != kind) {
                merge.removedByRules++;
                continue;
            }
            IndicatorBuilder builder = IndicatorBuilder.of(outcome.entry(), stored);
            IndicatorBuilder existing = merged.putIfAbsent(outcome.entry(), builder);
            if (existing != null) {
                existing.merge(builder);
            }
        }
        for (IndicatorBuilder seen : current.values()) {
            seen.observedAt(runStartedAt);
            IndicatorBuilder existing = merged.putIfAbsent(seen.value(), seen);
            if (existing != null) {
                existing.merge(seen);
            }
        }
        List<IndicatorBuilder> alive = new ArrayList<>(merged.size());
        for (IndicatorBuilder builder : merged.values()) {
            Instant observed = builder.lastObserved();
            if (observed != null && !runStartedAt.isBefore(observed.plus(retention))) {
                merge.expired++;
            } else {
                alive.add(builder);
            }
        }
        alive.sort(PRIORITY);
        Set<String> listedValues = new HashSet<>();
        for (int i = 0; i < alive.size(); i++) {
            IndicatorBuilder builder = alive.get(i);
            if (i < capacity) {
                merge.listed.add(builder);
                listedValues.add(builder.value());
            } else {
                merge.cut++;
            }
        }
        Comparator<String> valueOrder = list.equals("ip") ? NormalizeIocsService::compareIpEntries : Comparator.naturalOrder();
        merge.listed.sort(Comparator.comparing(IndicatorBuilder::value, valueOrder));
        alive.sort(Comparator.comparing(IndicatorBuilder::value, valueOrder));
        for (IndicatorBuilder builder : alive) {
            merge.stored.add(builder.toStored(listedValues.contains(builder.value())));
        }
        merge.added = new ArrayList<>();
        for (IndicatorBuilder builder : merge.listed) {
            if (!previouslyListed.contains(builder.value())) {
                merge.added.add(builder.value());
            }
        }
        merge.removed = new ArrayList<>();
        for (String value : previouslyListed) {
            if (!listedValues.contains(value)) {
                merge.removed.add(value);
            }
        }
        merge.removed.sort(valueOrder);
        return merge;
    }

    /** Threat level (1 = high first), then campaign {@code updated-on} (newest first), then lethality (highest first), then value. */
    private static final Comparator<IndicatorBuilder> PRIORITY = Comparator
            .comparingInt(IndicatorBuilder::bestThreatLevel)
            .thenComparing(IndicatorBuilder::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IndicatorBuilder::lethality, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IndicatorBuilder::value);

    /** Orders IPv4 entries by address, then by prefix length (a plain address counts as /32). */
    static int compareIpEntries(String a, String b) {
        int byAddress = Long.compare(ipAddress(a), ipAddress(b));
        return byAddress != 0 ? byAddress : a.compareTo(b);
    }

    private static long ipAddress(String entry) {
        int slash = entry.indexOf('/');
        return Ipv4.parse(entry, 0, slash < 0 ? entry.length() : slash);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** Reads IOC attributes, normalizes them and collects entries, counts and drop examples. */
    private static final class Collector {

        private final IocNormalizer normalizer;
        private final Map<String, IndicatorBuilder> ip = new HashMap<>();
        private final Map<String, IndicatorBuilder> domain = new HashMap<>();
        private final Map<String, Long> iocTypes = new TreeMap<>();
        private final Map<String, MutableDrop> drops = new TreeMap<>();
        private long iocsRead;
        private int pagesRead;
        private long hostBitsCleared;

        Collector(IocNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        void add(CampaignRef campaign, Instant campaignUpdatedOn, JsonNode ioc) {
            iocsRead++;
            JsonNode attributes = ioc.path("attributes");
            String type = text(attributes.get("type"));
            String value = text(attributes.get("value"));
            iocTypes.merge(type == null ? "(missing)" : type.trim().toLowerCase(Locale.ROOT), 1L, Long::sum);
            IocOutcome outcome = normalizer.normalize(type, value);
            if (outcome.isDrop()) {
                drops.computeIfAbsent(outcome.reason().code(), reason -> new MutableDrop()).add(value);
                return;
            }
            if (outcome.hostBitsCleared()) {
                hostBitsCleared++;
            }
            Map<String, IndicatorBuilder> target = outcome.kind() == IocOutcome.Kind.IP ? ip : domain;
            target.computeIfAbsent(outcome.entry(), IndicatorBuilder::new)
                    .addSighting(campaign, campaignUpdatedOn, instant(attributes.get("created-on")),
                            integer(attributes.get("lethality")));
        }

        Map<String, DropSummary> dropSummaries() {
            Map<String, DropSummary> summaries = new TreeMap<>();
            drops.forEach((reason, drop) -> summaries.put(reason, new DropSummary(drop.count, List.copyOf(drop.examples))));
            return summaries;
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
        }

        private static Integer integer(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isNumber()) {
                return node.asInt();
            }
            try {
                return Integer.valueOf(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Parses {@code created-on}, which Insights writes with or without fractional seconds and zone. */
        private static Instant instant(JsonNode node) {
            String text = text(node);
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException unparsable) {
                    return null;
                }
            }
        }
    }

    private static final class MutableDrop {
        private long count;
        private final List<String> examples = new ArrayList<>();

        void add(String value) {
            count++;
            if (examples.size() < MAX_EXAMPLES) {
                String example = value == null ? "(missing)" : value;
                examples.add(example.length() > MAX_EXAMPLE_LENGTH ? example.substring(0, MAX_EXAMPLE_LENGTH) + "..." : example);
            }
        }
    }

    /** The merged entries of one list. */
    private static final class Merge {
        private final List<IndicatorBuilder> listed = new ArrayList<>();
        private final List<StoredIndicator> stored = new ArrayList<>();
        private List<String> added = List.of();
        private List<String> removed = List.of();
        private int cut;
        private int expired;
        private int removedByRules;

        List<Indicator> listedIndicators() {
            List<Indicator> indicators = new ArrayList<>(listed.size());
            for (IndicatorBuilder builder : listed) {
                indicators.add(new Indicator(builder.value(), builder.campaigns(), builder.firstSeen(),
                        builder.lastSeen(), builder.lethality()));
            }
            return indicators;
        }

        ListSummary summary(int capacity) {
            return new ListSummary(listed.size(), capacity, cut, added.size(), removed.size(),
                    added.stream().limit(MAX_EXAMPLES).toList(), removed.stream().limit(MAX_EXAMPLES).toList());
        }
    }
}
