package com.maxmysales.contacts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param importLease how long a running import stays with the node that runs it without a committed batch;
 *                    after a crash another node (or the restarted one) continues it once the lease ran out
 * @param importBatchRows rows committed together with the import's progress
 */
@ConfigurationProperties("maxmysales.contacts")
public record ContactsSettings(@DefaultValue("PT2M") Duration importLease, @DefaultValue("1000") int importBatchRows) {

    public ContactsSettings {
        if (importBatchRows < 1 || importBatchRows > 10_000) {
            throw new IllegalArgumentException("maxmysales.contacts.import-batch-rows must be 1 to 10000");
        }
    }
}
