package com.maxmysales.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.optout.OptOutNumbers;
import com.maxmysales.privacy.crypto.KeyVersions;
import com.maxmysales.privacy.requests.RequestFigures;
import com.maxmysales.privacy.retention.RetentionFigures;

import org.jspecify.annotations.Nullable;

/**
 * A workspace's compliance report for a period (P-report): what it holds and how it is protected, kept, consented
 * to, withdrawn, asked for, breached, shared and disclosed, and whether the audit chain is intact. Counts and ids
 * only, except the disclosures' own entries. The JSON of the API, and the model of the page and the PDF.
 *
 * @param from the first day of the period, in the workspace's time zone
 * @param to the last day of the period, included
 * @param timeZone the workspace's zone, which the period's days and every time of the page and the PDF are in
 */
public record ComplianceReport(String workspace, LocalDate from, LocalDate to, String timeZone, Instant generatedAt,
        Inventory inventory, RetentionFigures.Figures retention, List<ConsentLedger.PurposeTotals> consent,
        OptOutNumbers.PeriodNumbers optOuts, List<RequestFigures.TypeFigures> requests, BreachSummary breaches,
        List<Processor> processors, List<Disclosure> disclosures, Minors minors, Map<String, Long> masked,
        AuditChain auditChain) {

    /** The sections in their order: the page's and the PDF's table of contents. */
    public static final List<Map.Entry<String, String>> SECTIONS = List.of(
            Map.entry("inventory", "Data inventory"),
            Map.entry("retention", "Retention and purges"),
            Map.entry("consent", "Consent"),
            Map.entry("opt-outs", "Opt-outs"),
            Map.entry("requests", "Data-principal requests"),
            Map.entry("breaches", "Breaches"),
            Map.entry("processors", "Processors and transfers"),
            Map.entry("disclosures", "Disclosures to authorities"),
            Map.entry("minors", "Children"),
            Map.entry("masking", "Sensitive data masked"),
            Map.entry("audit", "Audit chain"));

    /**
     * @param records per category, held now
     * @param dataRegion where the workspace's data is stored
     * @param keyVersions the workspace's data keys; values under each still decrypt
     */
    public record Inventory(Map<String, Long> records, String cipher, List<KeyVersions.KeyVersion> keyVersions,
            String dataRegion) {}

    /**
     * @param overdue reports not filed and past their deadline now
     * @param filedLate reports filed after their deadline
     */
    public record BreachSummary(List<Breach> listed, long overdue, long filedLate) {}

    /** Someone personal data goes to, why, where, and on what basis (P9). */
    public record Processor(String name, String purpose, String data, String location, String transferBasis) {}

    /**
     * Contacts marked as minors and what they were kept out of (P10).
     *
     * @param marked how many contacts are minors now (contacts.Minors)
     * @param excludedFromCampaigns recipients left out of the period's campaigns as minors
     * @param excludedFrom what a minor is always kept out of
     * @param note the rule that makes a contact a minor
     */
    public record Minors(long marked, long excludedFromCampaigns, List<String> excludedFrom, String note) {}

    /** The platform's audit chain as checked when the report was made (it spans every workspace). */
    public record AuditChain(boolean intact, long rowsChecked, String lastHash, @Nullable Long brokenAt,
            @Nullable String problem) {}
}
