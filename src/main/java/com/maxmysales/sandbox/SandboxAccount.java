package com.maxmysales.sandbox;

import com.maxmysales.shared.WorkspaceId;

/**
 * A number or a Facebook Page the sandbox opened for one workspace: the only things it answers for.
 *
 * @param objectId the phone-number id or the page id
 * @param wabaId a number's WhatsApp Business Account, null for a page
 * @param displayPhoneNumber a number's, as WhatsApp shows it; null for a page
 * @param formId a page's lead form, null for a number
 */
public record SandboxAccount(String objectId, WorkspaceId workspace, Kind kind, String wabaId,
        String displayPhoneNumber, String formId) {

    public enum Kind {
        NUMBER, PAGE
    }

    boolean isNumberOf(WorkspaceId workspace) {
        return kind == Kind.NUMBER && this.workspace.equals(workspace);
    }

    boolean isPageOf(WorkspaceId workspace) {
        return kind == Kind.PAGE && this.workspace.equals(workspace);
    }

    /** The display number in the digits-only form of webhook metadata. */
    String displayDigits() {
        return SandboxIds.digits(displayPhoneNumber);
    }
}
