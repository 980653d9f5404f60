package com.maxmysales.inbox;

import java.util.List;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * Where a contact came from as a lead, for the contact panel. The leads module answers it: leads hand their new
 * conversations to the inbox's round robin, so the inbox may not call leads back.
 */
public interface LeadOrigins {

    /** The contact's newest leads, at most {@code limit}. */
    List<ContactPanel.LeadOrigin> of(WorkspaceId workspace, ContactId contact, int limit);
}
