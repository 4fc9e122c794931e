package dev.insightssync.write;

import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.IndicatorSet;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.WriteThreatListInput;
import dev.insightssync.common.step.WriteThreatListOutput;
import dev.insightssync.common.store.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's IPv4 list and domain list as GuardDuty TXT files under content-addressed keys
 * ({@code lists/ip/<sha256>.txt}, {@code lists/domain/<sha256>.txt}).
 *
 * <p>GuardDuty does not reread an S3 object that was overwritten, so every new content must get
 * a new location; a hash in the key gives exactly that, and rewriting the same content to the
 * same key (a redrive) changes nothing.
 */
public final class WriteThreatListService {

    private static final Logger LOG = LoggerFactory.getLogger(WriteThreatListService.class);

    /** GuardDuty reads TXT lists as plain text; the files are ASCII, hence valid UTF-8 without a BOM. */
    private static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private final ArtifactStore store;
    private final ThreatListWriter writer;

    /** Creates a service that reads indicators from and writes list files to {@code store}. */
    public WriteThreatListService(ArtifactStore store, ThreatListWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /**
     * Writes both list files of a run and returns where they are.
     *
     * <p>Both files are rendered and checked before either is stored, so an invalid entry or an
     * oversized list leaves nothing new behind.
     */
    public WriteThreatListOutput write(WriteThreatListInput input) {
        String indicatorsKey = input.indicatorsKey() != null
                ? input.indicatorsKey()
                : input.run().runPrefix() + "indicators.json";
        IndicatorSet indicators = readIndicators(indicatorsKey);

        ThreatListWriter.RenderedList ip = writer.render(ThreatListKind.IP, orEmpty(indicators.ip()), indicatorsKey);
        ThreatListWriter.RenderedList domain =
                writer.render(ThreatListKind.DOMAIN, orEmpty(indicators.domain()), indicatorsKey);

        return new WriteThreatListOutput(store(ip), store(domain));
    }

    private IndicatorSet readIndicators(String key) {
        try (InputStream in = store.open(key)) {
            return Json.mapper().readValue(in, IndicatorSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the indicator set " + store.locationOf(key)
                    + ": " + e.getMessage(), e);
        }
    }

    private ThreatListFile store(ThreatListWriter.RenderedList list) {
        String key = list.kind().keyFor(list.sha256());
        store.put(key, list.content(), CONTENT_TYPE);
        // The location comes from the store: s3://bucket/key for the S3 bucket. GuardDuty accepts
        // this form, and unlike the https forms it names no Region endpoint, so one object serves
        // the detectors of every Region the state machine publishes to.
        String location = store.locationOf(key);
        LOG.info("Wrote {} list: {} entries, {} bytes, {} duplicates dropped, key {}",
                list.kind().label(), list.entries(), list.content().length, list.duplicates(), key);
        return new ThreatListFile(key, location, list.sha256(), list.entries(), list.content().length);
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
