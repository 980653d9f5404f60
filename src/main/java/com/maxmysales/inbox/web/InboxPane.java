package com.maxmysales.inbox.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.inbox.InboxView;

import org.jspecify.annotations.Nullable;

/**
 * The list pane ({@code inbox/list-pane.jte}) with its filters as chosen: the inbox page shows it alone, the thread
 * page beside the thread at desktop width.
 *
 * @param view "mine", "unassigned" or "all"
 * @param status a status code, or "any"
 * @param query the search as typed; null when none
 * @param refreshUrl the pane's own address with these filters, which the live script reloads it from
 * @param selected the conversation the thread page shows, highlighted; null on the inbox page
 */
public record InboxPane(List<InboxView> rows, @Nullable String nextCursor, String view, String status,
        @Nullable String label, @Nullable UUID channel, @Nullable String query, List<String> labels,
        Map<UUID, String> channels, boolean searchable, String refreshUrl, String moreUrl, @Nullable UUID selected) {

    public boolean selected(InboxView row) {
        return row.conversation().id().equals(selected);
    }

    public String channelValue() {
        return channel == null ? "" : channel.toString();
    }
}
