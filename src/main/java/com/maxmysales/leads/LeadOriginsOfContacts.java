package com.maxmysales.leads;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import com.maxmysales.inbox.ContactPanel;
import com.maxmysales.inbox.LeadOrigins;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/** A contact's leads as the inbox's contact panel shows them: source by name, form, campaign and answers. */
@Component
class LeadOriginsOfContacts implements LeadOrigins {

    private final LeadQueries leads;
    private final LeadSources sources;

    LeadOriginsOfContacts(LeadQueries leads, LeadSources sources) {
        this.leads = leads;
        this.sources = sources;
    }

    @Override
    public List<ContactPanel.LeadOrigin> of(WorkspaceId workspace, ContactId contact, int limit) {
        var sourceNames = new HashMap<UUID, String>();
        return leads.ofContact(workspace, contact, limit).stream().map(lead -> new ContactPanel.LeadOrigin(lead.id(),
                sourceNames.computeIfAbsent(lead.sourceId(), source -> sources.get(workspace, source).name()),
                lead.formId(), lead.campaignName() != null ? lead.campaignName() : lead.campaignId(),
                lead.receivedAt().toString().substring(0, 10), lead.answers() == null ? List.of()
                        : lead.answers().items().stream()
                                .map(answer -> (answer.label() != null ? answer.label() : answer.key()) + ": "
                                        + answer.value())
                                .toList()))
                .toList();
    }
}
