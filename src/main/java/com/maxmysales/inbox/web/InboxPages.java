package com.maxmysales.inbox.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import com.maxmysales.inbox.Inbox;
import com.maxmysales.inbox.InboxChange;
import com.maxmysales.inbox.InboxFilter;
import com.maxmysales.inbox.InboxListing;
import com.maxmysales.inbox.InboxSearch;
import com.maxmysales.inbox.InboxStatus;
import com.maxmysales.inbox.InboxView;
import com.maxmysales.inbox.Viewer;
import com.maxmysales.inbox.WorkspaceInboxSettings;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox list ({@code /app/inbox}) and the actions on a conversation that the list and the thread page share: each
 * is a form POST that comes back (redirects) to the page it was sent from.
 */
@Controller
class InboxPages {

    static final int PAGE_SIZE = 50;

    private final Inbox inbox;
    private final InboxListing listing;
    private final InboxSearch search;
    private final WorkspaceInboxSettings settings;
    private final Clock clock;

    InboxPages(Inbox inbox, InboxListing listing, InboxSearch search, WorkspaceInboxSettings settings, Clock clock) {
        this.inbox = inbox;
        this.listing = listing;
        this.search = search;
        this.settings = settings;
        this.clock = clock;
    }

    @PersonalDataRead("conversation.list")
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    @GetMapping("/app/inbox")
    String page(Viewer viewer, @RequestParam(required = false) String view, @RequestParam(required = false) String status,
            @RequestParam(required = false) String label, @RequestParam(required = false) UUID channel,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("pane", pane(viewer, view, status, label, channel, q, cursor, null));
        model.addAttribute("settings", settings.of(viewer.workspace()));
        return "inbox/list";
    }

    /** The pane alone, for the live refresh and the thread page's left column. */
    @PersonalDataRead("conversation.list")
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    @GetMapping("/app/inbox/list")
    String pane(Viewer viewer, @RequestParam(required = false) String view, @RequestParam(required = false) String status,
            @RequestParam(required = false) String label, @RequestParam(required = false) UUID channel,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) UUID selected, Model model) {
        model.addAttribute("pane", pane(viewer, view, status, label, channel, q, cursor, selected));
        return "inbox/list-pane";
    }

    @RequiresPermission(Permission.MESSAGES_SEND)
    @PostMapping("/app/inbox/{conversationId}/assign")
    String assign(Viewer viewer, @PathVariable UUID conversationId, @RequestParam(defaultValue = "") String assigneeId,
            @RequestParam(name = "return", required = false) String returnTo) {
        var assignee = switch (assigneeId.strip()) {
            case "" -> null;
            case "me" -> viewer.memberId();
            default -> parse(assigneeId);
        };
        inbox.change(viewer, conversationId, InboxChange.assign(assignee));
        return back(returnTo);
    }

    @RequiresPermission(Permission.MESSAGES_SEND)
    @PostMapping("/app/inbox/{conversationId}/status")
    String status(Viewer viewer, @PathVariable UUID conversationId, @RequestParam String status,
            @RequestParam(name = "return", required = false) String returnTo) {
        var chosen = InboxStatus.fromCode(status).filter(code -> code != InboxStatus.SNOOZED).orElseThrow(() ->
                Refusal.invalid("invalid-status", "Invalid status", "status must be open, pending or resolved"));
        inbox.change(viewer, conversationId, InboxChange.status(chosen));
        return back(returnTo);
    }

    /** @param duration {@code PT1H}... or empty with {@code until}, a date and time in UTC */
    @RequiresPermission(Permission.MESSAGES_SEND)
    @PostMapping("/app/inbox/{conversationId}/snooze")
    String snooze(Viewer viewer, @PathVariable UUID conversationId, @RequestParam(defaultValue = "") String duration,
            @RequestParam(defaultValue = "") String until, @RequestParam(name = "return", required = false) String returnTo) {
        try {
            var time = !duration.isBlank() ? clock.instant().plus(Duration.parse(duration))
                    : LocalDateTime.parse(until).toInstant(ZoneOffset.UTC);
            inbox.change(viewer, conversationId, InboxChange.snooze(time));
        } catch (ArithmeticException | java.time.DateTimeException e) { // a date too far for a clock, too
            throw Refusal.invalid("invalid-snooze", "Invalid snooze", "choose how long, or a date and time to come");
        }
        return back(returnTo);
    }

    /** @param labels separated by commas */
    @RequiresPermission(Permission.MESSAGES_SEND)
    @PostMapping("/app/inbox/{conversationId}/labels")
    String labels(Viewer viewer, @PathVariable UUID conversationId, @RequestParam(defaultValue = "") String labels,
            @RequestParam(name = "return", required = false) String returnTo) {
        var list = Arrays.stream(labels.split(",")).map(String::strip).filter(label -> !label.isEmpty()).toList();
        inbox.change(viewer, conversationId, InboxChange.labels(list));
        return back(returnTo);
    }

    @RequiresPermission(Permission.MESSAGES_SEND)
    @PostMapping("/app/inbox/{conversationId}/read")
    String read(Viewer viewer, @PathVariable UUID conversationId,
            @RequestParam(name = "return", required = false) String returnTo) {
        inbox.markRead(viewer, conversationId);
        return back(returnTo);
    }

    @RequiresPermission(Permission.MEMBERS_MANAGE)
    @PostMapping("/app/inbox/settings")
    String settings(WorkspaceId workspace, @RequestParam(defaultValue = "false") boolean agentsSeeAll,
            @RequestParam(defaultValue = "false") boolean readReceipts,
            @RequestParam(defaultValue = "false") boolean autoAssign) {
        settings.choose(workspace, new WorkspaceInboxSettings.Choice(agentsSeeAll, readReceipts, autoAssign));
        return "redirect:/app/inbox";
    }

    private InboxPane pane(Viewer viewer, @Nullable String view, @Nullable String status, @Nullable String label,
            @Nullable UUID channel, @Nullable String q, @Nullable String cursor, @Nullable UUID selected) {
        var chosenView = view == null || !List.of("mine", "unassigned", "all").contains(view) ? "all" : view;
        var chosenStatus = status == null || status.isBlank() ? "open" : status;
        var parsedStatus = "any".equals(chosenStatus) ? null : InboxStatus.fromCode(chosenStatus).orElse(InboxStatus.OPEN);
        chosenStatus = parsedStatus == null ? "any" : parsedStatus.code();
        var chosenLabel = label == null || label.isBlank() ? null : label.strip();
        var query = q == null || q.isBlank() || !viewer.readsContent() ? null : q.strip();
        var filter = new InboxFilter(parsedStatus, "mine".equals(chosenView) ? mine(viewer) : null,
                "unassigned".equals(chosenView), chosenLabel, channel, null, true);
        if (query != null) {
            filter = filter.withContacts(search.contacts(viewer, query));
        }
        var context = listing.context(viewer.workspace());
        var page = listing.page(viewer, filter, cursor, PAGE_SIZE, context);
        var teammates = viewer.works() ? context.assignable() : List.<com.maxmysales.tenancy.Member>of();
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("view", chosenView);
        parameters.put("status", chosenStatus);
        parameters.put("label", chosenLabel);
        parameters.put("channel", channel == null ? null : channel.toString());
        parameters.put("q", query);
        var queryString = queryString(parameters);
        var returnTo = "/app/inbox" + queryString;
        var rows = page.items().stream()
                .map(row -> new InboxView(row, teammates, viewer.memberId(), viewer.works(), returnTo)).toList();
        var refresh = "/app/inbox/list" + queryString + (selected == null ? "" : "&selected=" + selected);
        var more = page.nextCursor() == null ? "" : returnTo + "&cursor=" + page.nextCursor();
        return new InboxPane(rows, page.nextCursor(), chosenView, chosenStatus, chosenLabel, channel, query,
                inbox.labels(viewer.workspace()), context.channels(), viewer.readsContent(), refresh, more, selected);
    }

    private static UUID mine(Viewer viewer) {
        // An API key has no conversations of its own; "mine" then matches none.
        return viewer.memberId() != null ? viewer.memberId() : new UUID(0, 0);
    }

    private static String queryString(LinkedHashMap<String, String> parameters) {
        var joined = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                joined.append(joined.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-assignee", "Invalid assignee", "choose a member of the team");
        }
    }

    /** Back to the inbox page the form was on; never anywhere else (no open redirect). */
    static String back(@Nullable String returnTo) {
        // No "{": a redirect's URI template would be expanded; no "..": the path would climb out of the inbox.
        if (returnTo != null && returnTo.startsWith("/app/inbox") && !returnTo.contains("..")
                && returnTo.chars().noneMatch(c -> c < 0x21 || c == '\\' || c == '{' || c == '}')) {
            return "redirect:" + returnTo;
        }
        return "redirect:/app/inbox";
    }
}
