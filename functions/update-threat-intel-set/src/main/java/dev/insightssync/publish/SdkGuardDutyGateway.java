package dev.insightssync.publish;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClientBuilder;
import software.amazon.awssdk.services.guardduty.model.BadRequestException;
import software.amazon.awssdk.services.guardduty.model.GetThreatEntitySetResponse;
import software.amazon.awssdk.services.guardduty.model.GetThreatIntelSetResponse;
import software.amazon.awssdk.services.guardduty.model.ResourceNotFoundException;

/** Makes the publishing step's GuardDuty calls with the AWS SDK. */
public final class SdkGuardDutyGateway implements GuardDutyGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SdkGuardDutyGateway.class);

    /** {@code ListThreatIntelSets} and {@code ListThreatEntitySets} return at most 50 ids a page. */
    private static final int PAGE_SIZE = 50;
    private static final String FORMAT = "TXT";

    private final GuardDutyClient guardDuty;
    private final String region;

    /** Creates a gateway that calls GuardDuty through {@code guardDuty}. */
    public SdkGuardDutyGateway(GuardDutyClient guardDuty) {
        this.guardDuty = guardDuty;
        this.region = guardDuty.serviceClientConfiguration().region().id();
    }

    /**
     * Returns a function that gives the gateway of a Region (null for the default Region of the
     * SDK's chain, {@code AWS_REGION} in Lambda), building each Region's client once.
     */
    public static Function<String, GuardDutyGateway> perRegion(Settings settings) {
        Map<String, GuardDutyGateway> gateways = new ConcurrentHashMap<>();
        return region -> gateways.computeIfAbsent(region == null ? "" : region, key -> {
            GuardDutyClientBuilder builder = AwsClients.configure(GuardDutyClient.builder(), settings, "GUARDDUTY");
            if (!key.isEmpty()) {
                builder.region(Region.of(key));
            }
            return new SdkGuardDutyGateway(builder.build());
        });
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String resolveDetector(String configuredId) {
        if (configuredId != null) {
            try {
                guardDuty.getDetector(request -> request.detectorId(configuredId));
                return configuredId;
            } catch (BadRequestException | ResourceNotFoundException e) {
                throw new DetectorNotFoundException("GuardDuty has no detector '" + configuredId + "' in Region "
                        + region + " for this account (" + e.awsErrorDetails().errorMessage() + "). Set DETECTOR_ID to"
                        + " the id that 'aws guardduty list-detectors --region " + region + "' prints, or leave it"
                        + " empty to use the Region's only detector.", e);
            } catch (SdkException e) {
                throw GuardDutyErrors.translate(e, "GetDetector", "detector '" + configuredId + "'", region);
            }
        }
        List<String> detectorIds = call("ListDetectors", "the account's detectors",
                () -> guardDuty.listDetectorsPaginator(request -> request.maxResults(PAGE_SIZE))
                        .detectorIds().stream().toList());
        if (detectorIds.isEmpty()) {
            throw new DetectorNotFoundException("GuardDuty has no detector in Region " + region
                    + ": enable GuardDuty in this Region or set DETECTOR_ID.");
        }
        if (detectorIds.size() > 1) {
            throw new MultipleDetectorsException("GuardDuty has " + detectorIds.size() + " detectors in Region "
                    + region + " (" + String.join(", ", detectorIds) + "): set DETECTOR_ID to the one that"
                    + " should hold the threat lists.");
        }
        return detectorIds.get(0);
    }

    @Override
    public Optional<ExistingThreatList> find(ThreatListType type, String detectorId, String name) {
        String subject = type.apiName() + " '" + name + "' on detector " + detectorId;
        // The list calls return ids only, so every list is read until the name matches.
        return call("List" + type.apiName() + "s/Get" + type.apiName(), subject, () -> ids(type, detectorId).stream()
                .map(id -> describe(type, detectorId, id))
                .filter(list -> name.equals(list.name()))
                .findFirst());
    }

    /**
     * {@inheritDoc}
     *
     * <p>No {@code expectedBucketOwner} is passed: the step would need an extra STS call to learn its
     * account id. GuardDuty checks the bucket owner of an entity list anyway (it must be the
     * detector's account), and the artifact bucket belongs to the stack that runs this step.
     */
    @Override
    public String create(ThreatListType type, String detectorId, String name, String location, String clientToken) {
        String subject = type.apiName() + " '" + name + "' on detector " + detectorId;
        String id = call("Create" + type.apiName(), subject, () -> type == ThreatListType.THREAT_INTEL_SET
                ? guardDuty.createThreatIntelSet(request -> request.detectorId(detectorId).name(name).format(FORMAT)
                        .location(location).activate(true).clientToken(clientToken)).threatIntelSetId()
                : guardDuty.createThreatEntitySet(request -> request.detectorId(detectorId).name(name).format(FORMAT)
                        .location(location).activate(true).clientToken(clientToken)).threatEntitySetId());
        LOG.info("Created {} {} on detector {} in {}", type.apiName(), id, detectorId, region);
        return id;
    }

    @Override
    public void update(ThreatListType type, String detectorId, String setId, String location) {
        String subject = type.apiName() + " " + setId + " on detector " + detectorId;
        call("Update" + type.apiName(), subject, () -> type == ThreatListType.THREAT_INTEL_SET
                ? guardDuty.updateThreatIntelSet(request -> request.detectorId(detectorId).threatIntelSetId(setId)
                        .location(location).activate(true))
                : guardDuty.updateThreatEntitySet(request -> request.detectorId(detectorId).threatEntitySetId(setId)
                        .location(location).activate(true)));
        LOG.info("Updated {} {} on detector {} in {}", type.apiName(), setId, detectorId, region);
    }

    @Override
    public String status(ThreatListType type, String detectorId, String setId) {
        String subject = type.apiName() + " " + setId + " on detector " + detectorId;
        return call("Get" + type.apiName(), subject, () -> describe(type, detectorId, setId).status());
    }

    @Override
    public String errorDetails(ThreatListType type, String detectorId, String setId) {
        if (type != ThreatListType.THREAT_ENTITY_SET) {
            return null;
        }
        String subject = type.apiName() + " " + setId + " on detector " + detectorId;
        return call("Get" + type.apiName(), subject, () -> guardDuty.getThreatEntitySet(request -> request
                .detectorId(detectorId).threatEntitySetId(setId)).errorDetails());
    }

    private List<String> ids(ThreatListType type, String detectorId) {
        return type == ThreatListType.THREAT_INTEL_SET
                ? guardDuty.listThreatIntelSetsPaginator(request -> request.detectorId(detectorId).maxResults(PAGE_SIZE))
                        .threatIntelSetIds().stream().toList()
                : guardDuty.listThreatEntitySetsPaginator(request -> request.detectorId(detectorId).maxResults(PAGE_SIZE))
                        .threatEntitySetIds().stream().toList();
    }

    private ExistingThreatList describe(ThreatListType type, String detectorId, String id) {
        if (type == ThreatListType.THREAT_INTEL_SET) {
            GetThreatIntelSetResponse set =
                    guardDuty.getThreatIntelSet(request -> request.detectorId(detectorId).threatIntelSetId(id));
            return new ExistingThreatList(id, set.name(), set.formatAsString(), set.location(), set.statusAsString());
        }
        GetThreatEntitySetResponse set =
                guardDuty.getThreatEntitySet(request -> request.detectorId(detectorId).threatEntitySetId(id));
        return new ExistingThreatList(id, set.name(), set.formatAsString(), set.location(), set.statusAsString());
    }

    private <T> T call(String operation, String subject, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw GuardDutyErrors.translate(e, operation, subject, region);
        }
    }
}
