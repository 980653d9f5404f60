package com.maxmysales.privacy.retention;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention purge every {@code maxmysales.privacy.purge-interval} (default an hour) on every node;
 * the advisory lock lets one of them do it. The first run waits for the platform to settle after a start.
 */
@Component
class PurgeSchedule {

    private final RetentionPurge purge;

    PurgeSchedule(RetentionPurge purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelayString = "${maxmysales.privacy.purge-interval:PT1H}",
            initialDelayString = "${maxmysales.privacy.purge-initial-delay:PT2M}")
    void purge() {
        purge.run(false, "schedule");
    }
}
