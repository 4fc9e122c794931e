package dev.insightssync.publish;

import java.util.Optional;

/**
 * The GuardDuty calls the publishing step makes, for one Region. The SDK implementation makes
 * them; the dry-run implementation reads through it (or assumes an empty account) and only
 * records the calls that would change something.
 */
public interface GuardDutyGateway {

    /** Returns the Region this gateway calls, as an id such as {@code eu-west-1}. */
    String region();

    /**
     * Returns the detector to use: {@code configuredId} after checking that it exists, or else
     * the Region's only detector.
     *
     * @throws DetectorNotFoundException  when {@code configuredId} does not exist or the Region has no detector
     * @throws MultipleDetectorsException when {@code configuredId} is null and the Region has several
     */
    String resolveDetector(String configuredId);

    /** Returns the list of this type and name on the detector, or empty when there is none. */
    Optional<ExistingThreatList> find(ThreatListType type, String detectorId, String name);

    /**
     * Creates a TXT list and activates it.
     *
     * @param clientToken idempotency token: a retried create with the same token creates no second list
     * @return the new list's id, or null in a dry run
     */
    String create(ThreatListType type, String detectorId, String name, String location, String clientToken);

    /** Points a list at a new location (or the same one again) and activates it. */
    void update(ThreatListType type, String detectorId, String setId, String location);

    /** Returns the status GuardDuty reports for the list with id {@code setId}, such as {@code ACTIVE}. */
    String status(ThreatListType type, String detectorId, String setId);

    /**
     * Returns why GuardDuty could not activate a list, or null. Only entity sets report it
     * ({@code errorDetails} of GetThreatEntitySet); IP lists never do.
     */
    default String errorDetails(ThreatListType type, String detectorId, String setId) {
        return null;
    }
}
