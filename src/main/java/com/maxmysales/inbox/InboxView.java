package com.maxmysales.inbox;

import java.util.List;
import java.util.UUID;

import com.maxmysales.tenancy.Member;

import org.jspecify.annotations.Nullable;

/**
 * A conversation with what its actions need ({@code inbox/actions.jte}): the list and the thread page both show it.
 *
 * @param teammates who it can be given to
 * @param me the member looking, for "assign to me"; null for an API key
 * @param works whether they may change it (the actions are shown at all)
 * @param returnTo the page the actions come back to (POST, then redirect there)
 */
public record InboxView(InboxRow row, List<Member> teammates, @Nullable UUID me, boolean works, String returnTo) {

    public InboxConversation conversation() {
        return row.conversation();
    }

    public String id() {
        return row.conversation().id().toString();
    }

    public boolean mine() {
        return me != null && me.equals(row.conversation().assigneeId());
    }

    public boolean resolved() {
        return row.conversation().status() == InboxStatus.RESOLVED;
    }

    public String labelsText() {
        return String.join(", ", row.conversation().labels());
    }
}
