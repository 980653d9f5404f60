package com.maxmysales.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.maxmysales.tenancy.OwnerNotices;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Acts on what Meta says about a number or its WhatsApp Business Account: a quality or tier change sets the number's
 * rate and daily unique-recipient limit, a ban or restriction holds its sending (and its end lets it go), a name
 * review is kept; the owners are told of what they must act on. Each change is published as
 * {@link NumberStandingChanged} in the webhook's transaction, so the outbox obeys it from that commit on.
 *
 * <p>Meta names the number by its display number inside the account's webhook (or not at all: the whole account).
 */
@Service
public class NumberSignals {

    /** One thing Meta said about a number or its account. */
    public sealed interface Update permits QualityUpdate, NameUpdate, AccountUpdate {}

    public record QualityUpdate(String wabaId, @Nullable String displayPhoneNumber, @Nullable String event,
            @Nullable String tier, @Nullable Instant at) implements Update {}

    public record NameUpdate(String wabaId, @Nullable String displayPhoneNumber, @Nullable String decision,
            @Nullable String requestedName, @Nullable String rejectionReason, @Nullable Instant at) implements Update {}

    /** @param expiration null when Meta gave none we can read */
    public record Restriction(String type, @Nullable Instant expiration) {}

    /**
     * @param phoneNumber the number Meta names, if any: else every number of the account
     * @param banState {@code ban_info.waba_ban_state} of a DISABLED_UPDATE: SCHEDULE_FOR_DISABLE, DISABLE, REINSTATE
     * @param detail what else Meta said, readable (the ban date, the violation type, a review's decision)
     */
    public record AccountUpdate(String wabaId, @Nullable String phoneNumber, String event, @Nullable String banState,
            List<Restriction> restrictions, @Nullable String detail, @Nullable Instant at) implements Update {}

    private final Channels channels;
    private final NumberStandings standings;
    private final ChannelManagement management;
    private final OwnerNotices owners;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NumberSignals(Channels channels, NumberStandings standings, ChannelManagement management, OwnerNotices owners,
            ApplicationEventPublisher events, Clock clock) {
        this.channels = channels;
        this.standings = standings;
        this.management = management;
        this.owners = owners;
        this.events = events;
        this.clock = clock;
    }

    /** @return false when no workspace has the number (or, without one, the account) */
    public boolean apply(Update update) {
        return switch (update) {
            case QualityUpdate quality -> qualityUpdated(quality);
            case NameUpdate name -> nameUpdated(name);
            case AccountUpdate account -> accountUpdated(account);
        };
    }

    private boolean qualityUpdated(QualityUpdate update) {
        var numbers = numbers(update.wabaId(), update.displayPhoneNumber());
        for (var channel : numbers) {
            var before = standings.lock(channel);
            var flagged = "FLAGGED".equals(update.event()) || (before.qualityFlagged() && !"UNFLAGGED".equals(update.event()));
            var tier = update.tier() != null ? update.tier() : before.messagingLimitTier();
            var limit = update.tier() != null ? MessagingTier.dailyRecipientLimit(update.tier()) : before.dailyRecipientLimit();
            var standing = new NumberStanding(update.event(), flagged, tier, limit, at(update.at()), before.verifiedName(),
                    before.nameStatus(), before.nameRejectionReason(), before.nameUpdatedAt(), before.accountEvent(),
                    before.accountDetail(), before.accountUpdatedAt(), before.hold());
            var rate = MessagingTier.messagesPerSecond(channel.messagesPerSecond(), update.event(), tier, flagged);
            save(channel, standing, rate);
            tellAboutQuality(channel, update, flagged, tier, limit, rate);
        }
        return !numbers.isEmpty();
    }

    private boolean nameUpdated(NameUpdate update) {
        var numbers = numbers(update.wabaId(), update.displayPhoneNumber());
        for (var channel : numbers) {
            var before = standings.lock(channel);
            standings.save(channel, new NumberStanding(before.qualityEvent(), before.qualityFlagged(),
                    before.messagingLimitTier(), before.dailyRecipientLimit(), before.qualityUpdatedAt(),
                    update.requestedName(), update.decision(), update.rejectionReason(), at(update.at()),
                    before.accountEvent(), before.accountDetail(), before.accountUpdatedAt(), before.hold()));
        }
        return !numbers.isEmpty();
    }

    private boolean accountUpdated(AccountUpdate update) {
        var ofAccount = channels.ofWaba(update.wabaId());
        var named = ofAccount.stream().filter(channel -> sameNumber(channel, update.phoneNumber())).toList();
        // A number Meta names that we do not know (or none named): the whole account, since sending must not go on.
        var numbers = named.isEmpty() ? ofAccount : named;
        for (var channel : numbers) {
            var before = standings.lock(channel);
            var hold = AccountHolds.after(before.hold(), update, at(update.at()));
            save(channel, new NumberStanding(before.qualityEvent(), before.qualityFlagged(), before.messagingLimitTier(),
                    before.dailyRecipientLimit(), before.qualityUpdatedAt(), before.verifiedName(), before.nameStatus(),
                    before.nameRejectionReason(), before.nameUpdatedAt(), update.event(), update.detail(),
                    at(update.at()), hold), channel.messagesPerSecond());
            tellAboutAccount(channel, update, hold);
        }
        return !numbers.isEmpty();
    }

    private void save(Channel channel, NumberStanding standing, int messagesPerSecond) {
        standings.save(channel, standing);
        if (messagesPerSecond != channel.messagesPerSecond()) {
            channels.changeMessagesPerSecond(channel.workspaceId(), channel.id(), messagesPerSecond);
            management.forget(channel.id());
        }
        events.publishEvent(new NumberStandingChanged(channel.workspaceId(), channel.id(), messagesPerSecond,
                standing.dailyRecipientLimit(), standing.hold()));
    }

    private void tellAboutQuality(Channel channel, QualityUpdate update, boolean flagged, @Nullable String tier,
            @Nullable Integer limit, int rate) {
        var key = "whatsapp.quality." + channel.id();
        if (!flagged && !"DOWNGRADE".equals(update.event())) {
            owners.resolve(channel.workspaceId(), key);
            return;
        }
        owners.tell(channel.workspaceId(), key, OwnerNotices.Severity.WARNING,
                "WhatsApp number " + channel.displayPhoneNumber() + ": quality " + (flagged ? "flagged low" : "downgraded"),
                """
                Meta reported %s for your WhatsApp number %s. Its messaging limit is now %s (%s unique customers a \
                day outside a conversation) and it sends at most %d messages a second; the platform keeps to both. \
                Improve the number's quality (fewer blocks and reports, messages customers asked for) to get them back.\
                """.formatted(update.event(), channel.displayPhoneNumber(), Objects.requireNonNullElse(tier, "unchanged"),
                        limit == null ? "no limit" : limit.toString(), rate));
    }

    private void tellAboutAccount(Channel channel, AccountUpdate update, @Nullable SendingHold hold) {
        var key = "whatsapp.hold." + channel.id();
        if (hold == null) {
            owners.resolve(channel.workspaceId(), key);
            if ("SCHEDULE_FOR_DISABLE".equals(update.banState()) || "ACCOUNT_VIOLATION".equals(update.event())) {
                owners.tell(channel.workspaceId(), "whatsapp.warning." + channel.id(), OwnerNotices.Severity.WARNING,
                        "WhatsApp number " + channel.displayPhoneNumber() + ": Meta warns your account",
                        "Meta reported " + update.event() + (update.detail() == null ? "" : " (" + update.detail() + ")")
                                + " for the WhatsApp Business Account of " + channel.displayPhoneNumber()
                                + ". Review it in Meta's WhatsApp Manager before Meta restricts or disables it.");
            }
            return;
        }
        owners.tell(channel.workspaceId(), key, OwnerNotices.Severity.CRITICAL,
                "WhatsApp number " + channel.displayPhoneNumber() + ": sending paused",
                """
                %s Messages to send from %s wait in the queue%s; nothing is sent%s. They go out once Meta lifts it \
                (see WhatsApp Manager to appeal).\
                """.formatted(hold.reason(), channel.displayPhoneNumber(),
                        hold.scope() == SendingHold.Scope.ALL ? "" : " (replies to customers who wrote in the last 24 "
                                + "hours still go)",
                        hold.until() == null ? "" : " until " + hold.until()));
    }

    /** The account's numbers Meta names by display number; all of them when it names none. */
    private List<Channel> numbers(String wabaId, @Nullable String displayPhoneNumber) {
        var ofAccount = channels.ofWaba(wabaId);
        return displayPhoneNumber == null ? ofAccount
                : ofAccount.stream().filter(channel -> sameNumber(channel, displayPhoneNumber)).toList();
    }

    private static boolean sameNumber(Channel channel, @Nullable String phoneNumber) {
        var digits = phoneNumber == null ? "" : phoneNumber.replaceAll("\\D", "");
        return !digits.isEmpty() && digits.equals(channel.displayPhoneNumber().replaceAll("\\D", ""));
    }

    private Instant at(@Nullable Instant at) {
        return at != null ? at : clock.instant();
    }
}
