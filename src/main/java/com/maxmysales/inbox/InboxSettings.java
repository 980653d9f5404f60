package com.maxmysales.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param presenceTimeout an agent whose inbox connection beat within this long is online (round robin)
 * @param heartbeatInterval how often each open event stream is pinged and its member marked present
 * @param snoozeCheckInterval how often snoozed conversations whose time came are opened again
 * @param searchMessages a search by words decrypts at most this many of the workspace's newest messages...
 * @param searchMessagesAge ...written within this long: messages are encrypted at rest, so no index can hold words
 * @param searchConversations a search by name decrypts the contacts of at most this many most recent conversations
 * @param streamTimeout an event stream is closed after this long (clients such as EventSource reconnect by themselves)
 */
@ConfigurationProperties("maxmysales.inbox")
public record InboxSettings(
        @DefaultValue("PT60S") Duration presenceTimeout,
        @DefaultValue("PT20S") Duration heartbeatInterval,
        @DefaultValue("PT30S") Duration snoozeCheckInterval,
        @DefaultValue("1000") int searchMessages,
        @DefaultValue("P7D") Duration searchMessagesAge,
        @DefaultValue("500") int searchConversations,
        @DefaultValue("PT30M") Duration streamTimeout) {
}
