package com.maxmysales.compliance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The breach register's reminders and what the compliance report says of processors and transfers (P9).
 *
 * @param reminderInterval how often the register looks for breach reports coming due
 * @param dueSoon how long before a report's deadline the owners are reminded
 * @param dpoContact who the report and the notices name as the contact (blank: the privacy notice's contact address)
 * @param metaTransferBasis the basis of transfers to Meta (WhatsApp Cloud API)
 * @param aiTransferBasis the basis of transfers to the AI processors of {@code maxmysales.privacy.requests.ai-processors}
 * @param mailTransferBasis the basis of mail through the configured SMTP servers
 * @param monthlyReport whether each workspace's owners get last month's report as a PDF by email early each month
 */
@ConfigurationProperties("maxmysales.compliance")
public record ComplianceSettings(
        @DefaultValue("PT5M") Duration reminderInterval,
        @DefaultValue("PT24H") Duration dueSoon,
        @DefaultValue("") String dpoContact,
        @DefaultValue("Standard Contractual Clauses in Meta's WhatsApp Business data processing terms")
        String metaTransferBasis,
        @DefaultValue("Standard Contractual Clauses in the processor's data processing agreement")
        String aiTransferBasis,
        @DefaultValue("The operator's mail server, or a processor under a data processing agreement")
        String mailTransferBasis,
        @DefaultValue("false") boolean monthlyReport) {
}
