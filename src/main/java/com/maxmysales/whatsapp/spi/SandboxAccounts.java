package com.maxmysales.whatsapp.spi;

import java.util.Optional;

import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;

/**
 * The built-in sandbox as the platform sees it: it opens WhatsApp numbers and Facebook Pages that exist only
 * inside it, each for one workspace and with its own access token. The sandbox then answers for them, and only
 * for them, and only to that workspace; it never speaks for a real number or page.
 */
public interface SandboxAccounts {

    /** Numbers, and pages, the sandbox opens for one workspace: it keeps their traffic in memory. */
    int MAX_PER_WORKSPACE = 5;

    /** The workspace already has {@link #MAX_PER_WORKSPACE} sandbox numbers (or pages). */
    final class LimitReached extends RuntimeException {

        public LimitReached(String what) {
            super("a workspace may have " + MAX_PER_WORKSPACE + " sandbox " + what + ": use one of them");
        }
    }

    /**
     * A new number with its own WhatsApp Business Account, ids and token drawn by the sandbox.
     *
     * @return the number, with the token the platform sends with: it is shown nowhere else
     * @throws LimitReached when the workspace has as many as it may
     */
    SandboxNumber openNumber(WorkspaceId workspace);

    /**
     * A new Facebook Page with one lead form, its ids and token drawn by the sandbox.
     *
     * @throws LimitReached when the workspace has as many as it may
     */
    SandboxPage openPage(WorkspaceId workspace);

    /**
     * Registers a number that an earlier version opened without keeping a registry (its token was a shared
     * constant), with a new token.
     *
     * @return the new token, or empty when the sandbox already knows the number (or one with its ids)
     */
    Optional<Secret> adoptNumber(WorkspaceId workspace, String phoneNumberId, String wabaId, String displayPhoneNumber);

    /** Like {@link #adoptNumber}, for a page of an earlier version and its first lead form. */
    Optional<Secret> adoptPage(WorkspaceId workspace, String pageId, String formId);

    /**
     * Closes a number of the workspace that was disconnected from it: the sandbox no longer answers for it, its
     * token opens nothing, the phone simulator no longer offers it, and it no longer counts towards the limit.
     * Closing one that is not the workspace's (or is closed already) changes nothing.
     */
    void closeNumber(WorkspaceId workspace, String phoneNumberId);

    /** @param displayPhoneNumber as WhatsApp shows it, e.g. {@code +1 555 010 4821} */
    record SandboxNumber(String phoneNumberId, String wabaId, String displayPhoneNumber, Secret accessToken) {
    }

    record SandboxPage(String pageId, String formId, Secret accessToken) {
    }
}
