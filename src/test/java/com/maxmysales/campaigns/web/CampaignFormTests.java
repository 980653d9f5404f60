package com.maxmysales.campaigns.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The new-campaign form says what it leaves out, and what the campaign refuses, in the form's own words. */
class CampaignFormTests {

    @Test
    void whatTheFormLeavesOutIsSaidInItsWords() {
        assertThat(CampaignForm.missing(Map.of("audience", "tag", "tag", " "), false))
                .startsWith("Type the tag of the contacts who should get it");
        assertThat(CampaignForm.missing(Map.of("audience", "csv"), false)).startsWith("Choose the CSV file");
        assertThat(CampaignForm.missing(Map.of("audience", "csv"), true)).isNull();
        assertThat(CampaignForm.missing(Map.of("audience", "segment:1", "when", "later"), false))
                .startsWith("Choose the date and time to start it");
        assertThat(CampaignForm.missing(Map.of("audience", "list:1", "when", "now"), false)).isNull();
    }

    @Test
    void aRefusalNamesTheFormsFieldsAndAsksForTheFileAgain() {
        assertThat(CampaignForm.inWords("variables.1 needs a fallback for contacts without name", Map.of("audience", "tag")))
                .isEqualTo("{{1}} needs a fallback for contacts without name.");
        assertThat(CampaignForm.inWords("scheduledAt must be in the future", Map.of("audience", "csv")))
                .isEqualTo("The start time must be in the future. Choose the CSV file again: a refused form cannot keep it.");
    }
}
