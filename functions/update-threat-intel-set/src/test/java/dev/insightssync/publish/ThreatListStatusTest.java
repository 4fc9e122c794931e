package dev.insightssync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit test of {@link ThreatListStatus}: what each GuardDuty list status means to a waiting caller. */
class ThreatListStatusTest {

    @Test
    void of_eachStatus_meaning() {
        assertThat(ThreatListStatus.of("ACTIVE")).isEqualTo(ThreatListStatus.DONE);
        for (String status : new String[] {"ACTIVATING", "INACTIVE", "DEACTIVATING"}) {
            assertThat(ThreatListStatus.of(status)).as(status).isEqualTo(ThreatListStatus.WAIT);
        }
        for (String status : new String[] {"ERROR", "DELETE_PENDING", "DELETED"}) {
            assertThat(ThreatListStatus.of(status)).as(status).isEqualTo(ThreatListStatus.FAILED);
        }
    }
}
