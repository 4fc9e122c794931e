package dev.insightssync.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.insightssync.common.lambda.InvalidStepInputException;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.store.ArtifactNotFoundException;
import dev.insightssync.common.store.ArtifactStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's list files to GuardDuty in one Region: the IPv4 list as a ThreatIntelSet and
 * the domain list as a ThreatEntitySet. Each list is created on first use. Later runs point it at
 * the new file and activate it again, because GuardDuty does not reread an overwritten object.
 *
 * <p>It first reads the state of both lists and applies every guard, and only then changes
 * anything, so a rejection leaves both lists as they were. A rerun with the same input (a retry or
 * a redrive) finds the lists already pointing at the new files and changes nothing.
 *
 * <p>To know how many entries a list contains now, it counts the lines of the object the list
 * points at when that object is in the artifact bucket, instead of keeping its own record of
 * what it published: GuardDuty's current location is the truth in every Region, it cannot
 * disagree with a record written before a failed call, and a redrive needs no cleanup.
 */
public final class GuardDutyPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(GuardDutyPublisher.class);

    /** Key prefix of the list files. Only objects under it are marked superseded. */
    private static final String LIST_PREFIX = "lists/";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final Function<String, GuardDutyGateway> gateways;
    private final ArtifactStore store;
    private final PublishSettings settings;
    private final SupersededListMarker superseded;

    /**
     * Creates a publisher that marks no superseded list file.
     *
     * @param gateways gives the gateway of a Region (null for the default Region)
     * @param store    the artifact store that contains the list files
     * @param settings list names, detector and shrink limit
     */
    public GuardDutyPublisher(Function<String, GuardDutyGateway> gateways, ArtifactStore store, PublishSettings settings) {
        this(gateways, store, settings, SupersededListMarker.NONE);
    }

    /**
     * Creates a publisher.
     *
     * @param gateways   gives the gateway of a Region (null for the default Region)
     * @param store      the artifact store that contains the list files
     * @param settings   list names, detector and shrink limit
     * @param superseded marks the file a list pointed at before an update, so that it expires
     */
    public GuardDutyPublisher(Function<String, GuardDutyGateway> gateways, ArtifactStore store, PublishSettings settings,
            SupersededListMarker superseded) {
        this.gateways = gateways;
        this.store = store;
        this.settings = settings;
        this.superseded = superseded;
    }

    /** Publishes both lists of {@code input} and returns what was done with each. */
    public UpdateThreatIntelSetOutput publish(UpdateThreatIntelSetInput input) {
        if (input.ipList() == null) {
            throw new InvalidStepInputException("UpdateThreatIntelSetInput has no 'ipList'. Pass the output of"
                    + " WriteThreatList in the state's Parameters.", null);
        }
        if (input.region() != null && !REGION.matcher(input.region()).matches()) {
            throw new InvalidStepInputException("UpdateThreatIntelSetInput has an invalid region '" + input.region()
                    + "': expected a Region id such as eu-west-1.", null);
        }
        GuardDutyGateway gateway = gateways.apply(input.region());
        String detectorId = gateway.resolveDetector(
                input.detectorId() != null ? input.detectorId() : settings.detectorId());
        boolean allowShrink = input.run().options().shrinkAllowed();
        LOG.info("Publishing to detector {} in Region {}", detectorId, gateway.region());

        Decision ip = decide(gateway, detectorId, ThreatListType.THREAT_INTEL_SET, settings.threatIntelSetName(),
                input.ipList(), allowShrink);
        Decision domain = settings.publishDomainList() && input.domainList() != null
                ? decide(gateway, detectorId, ThreatListType.THREAT_ENTITY_SET, settings.threatEntitySetName(),
                        input.domainList(), allowShrink)
                : Decision.skipped(settings.threatEntitySetName(), input.domainList());

        PublishedThreatList ipResult = apply(gateway, detectorId, ip);
        PublishedThreatList domainResult = apply(gateway, detectorId, domain);
        Set<String> inUse = new HashSet<>();
        for (ThreatListFile file : new ThreatListFile[] {input.ipList(), input.domainList()}) {
            if (file != null) {
                inUse.add(file.key());
            }
        }
        markSuperseded(ip, inUse);
        markSuperseded(domain, inUse);
        return new UpdateThreatIntelSetOutput(gateway.region(), detectorId, ipResult, domainResult,
                ipResult.awaitActivation() || domainResult.awaitActivation());
    }

    private Decision decide(GuardDutyGateway gateway, String detectorId, ThreatListType type, String name,
            ThreatListFile file, boolean allowShrink) {
        verify(file);
        String subject = type.apiName() + " '" + name + "' on detector " + detectorId + " in Region " + gateway.region();
        Optional<ExistingThreatList> found = gateway.find(type, detectorId, name).filter(list -> !list.deleted());
        if (found.isEmpty()) {
            return file.entries() == 0
                    ? Decision.skipped(name, file)
                    : new Decision(type, name, file, null, PublishedThreatList.CREATED, null, true);
        }

        ExistingThreatList existing = found.get();
        if (!"TXT".equals(existing.format())) {
            throw new ThreatListFormatConflictException(subject + " exists with format " + existing.format()
                    + ", and a list's format cannot be changed. Delete that list or set "
                    + (type == ThreatListType.THREAT_INTEL_SET ? PublishSettings.THREAT_INTEL_SET_NAME
                            : PublishSettings.THREAT_ENTITY_SET_NAME)
                    + " to another name.");
        }
        if (S3Location.sameObject(existing.location(), file.location())) {
            if ("ACTIVE".equals(existing.status()) || "ACTIVATING".equals(existing.status())) {
                // Already published, by an earlier run with the same content or by this one before a retry.
                return new Decision(type, name, file, existing, PublishedThreatList.UNCHANGED, file.entries(),
                        "ACTIVATING".equals(existing.status()));
            }
        }
        if (existing.busy()) {
            throw new ThreatListBusyException(subject + " is " + existing.status()
                    + ", and GuardDuty allows no change until that ends (activation can take up to 40 minutes)."
                    + " Retry later.");
        }

        Integer previous = entriesAt(existing.location(), file.location()).orElse(null);
        if (file.entries() == 0 && Integer.valueOf(0).equals(previous)) {
            return Decision.skipped(name, file);
        }
        if (file.entries() == 0) {
            throw new EmptyThreatListException("The new list for " + subject + " is empty, and the list contains "
                    + (previous == null ? "an unknown number of" : previous) + " entries now. Replacing it would"
                    + " remove all protection, so it stays as it is. Check the fetch and normalize counts of this"
                    + " execution for why no indicators were found.");
        }
        if (previous != null && previous > 0 && !allowShrink) {
            double shrink = (previous - file.entries()) / (double) previous;
            if (shrink > settings.maxShrinkFraction()) {
                throw new ThreatListShrinkException("The new list for " + subject + " has " + file.entries()
                        + " entries, " + Math.round(shrink * 100) + "% fewer than the " + previous
                        + " it contains now, above MAX_SHRINK_FRACTION=" + settings.maxShrinkFraction()
                        + ". If the drop is expected, start an execution with \"options\": {\"allowShrink\": true};"
                        + " otherwise check the fetch and normalize counts of this execution.");
            }
        }
        return new Decision(type, name, file, existing, PublishedThreatList.UPDATED, previous, true);
    }

    private PublishedThreatList apply(GuardDutyGateway gateway, String detectorId, Decision decision) {
        String setId = switch (decision.action()) {
            case PublishedThreatList.CREATED -> gateway.create(decision.type(), detectorId, decision.name(),
                    decision.file().location(), clientToken(detectorId, decision.name(), decision.file().location()));
            case PublishedThreatList.UPDATED -> {
                gateway.update(decision.type(), detectorId, decision.existing().id(), decision.file().location());
                yield decision.existing().id();
            }
            case PublishedThreatList.UNCHANGED -> decision.existing().id();
            default -> null;
        };
        int entries = decision.file() == null ? 0 : decision.file().entries();
        String location = decision.file() == null ? null : decision.file().location();
        LOG.info("List '{}' on detector {} in {}: {} ({} entries, previously {})", decision.name(), detectorId,
                gateway.region(), decision.action(), entries,
                decision.previousEntries() == null ? "unknown or none" : decision.previousEntries());
        return new PublishedThreatList(setId, decision.name(), decision.action(), location, entries,
                decision.previousEntries(), decision.awaitActivation());
    }

    /**
     * Marks the file an updated list pointed at before, when it is a list file of the artifact
     * bucket that no list of this run points at. It runs after the update, so a failed update
     * leaves the file unmarked. A retry after a successful update finds the list unchanged and
     * marks nothing, so a failure between the two leaves the file unmarked: kept, never removed
     * too early.
     *
     * <p>NOTE: The lists of other Regions are not consulted. When this run's publish failed in
     * another Region, that Region's list may still point at the file marked here, and it expires
     * after ListRetentionDays unless a later run publishes to that Region again.
     */
    private void markSuperseded(Decision decision, Set<String> inUse) {
        if (!PublishedThreatList.UPDATED.equals(decision.action())) {
            return;
        }
        Optional<S3Location> previous = S3Location.parse(decision.existing().location());
        Optional<S3Location> current = S3Location.parse(decision.file().location());
        if (previous.isEmpty() || current.isEmpty() || !previous.get().bucket().equals(current.get().bucket())
                || !previous.get().key().startsWith(LIST_PREFIX) || inUse.contains(previous.get().key())) {
            return;
        }
        superseded.markSuperseded(previous.get().key());
    }

    /** Checks that the file GuardDuty will read exists and is the one WriteThreatList described. */
    private void verify(ThreatListFile file) {
        byte[] content = store.read(file.key()).orElseThrow(() -> new ArtifactNotFoundException(file.location()));
        String sha256 = sha256(content);
        int lines = countLines(content);
        if (!sha256.equals(file.sha256()) || lines != file.entries() || content.length != file.bytes()) {
            throw new ThreatListFileMismatchException("The list file " + file.location() + " has SHA-256 " + sha256
                    + ", " + lines + " lines and " + content.length + " bytes, but WriteThreatList reported "
                    + file.sha256() + ", " + file.entries() + " and " + file.bytes()
                    + ". The object was changed after it was written; start a new execution.");
        }
    }

    /** Returns the entries in the object at {@code current}, when it is in the same bucket as {@code ours}. */
    private Optional<Integer> entriesAt(String current, String ours) {
        Optional<S3Location> currentObject = S3Location.parse(current);
        Optional<S3Location> ourObject = S3Location.parse(ours);
        if (currentObject.isEmpty() || ourObject.isEmpty()
                || !currentObject.get().bucket().equals(ourObject.get().bucket())) {
            LOG.info("The current list file is not in the artifact bucket; its entry count is unknown");
            return Optional.empty();
        }
        Optional<byte[]> content = store.read(currentObject.get().key());
        if (content.isEmpty()) {
            LOG.info("The current list file no longer exists in the artifact bucket; its entry count is unknown");
        }
        return content.map(GuardDutyPublisher::countLines);
    }

    /** Returns the number of lines; the list files end every line, including the last, with LF. */
    static int countLines(byte[] content) {
        int lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return content.length > 0 && content[content.length - 1] != '\n' ? lines + 1 : lines;
    }

    /** Returns the same token for the same list and file, so a retried create makes no second list. */
    static String clientToken(String detectorId, String name, String location) {
        return sha256((detectorId + "\n" + name + "\n" + location).getBytes(UTF_8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** The action planned for one list, decided before anything changes. */
    private record Decision(
            ThreatListType type,
            String name,
            ThreatListFile file,
            ExistingThreatList existing,
            String action,
            Integer previousEntries,
            boolean awaitActivation) {

        static Decision skipped(String name, ThreatListFile file) {
            return new Decision(null, name, file, null, PublishedThreatList.SKIPPED, null, false);
        }
    }
}
