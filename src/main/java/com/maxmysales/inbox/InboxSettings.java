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
 * @param streamRecheckInterval how often each open stream's caller is checked again: a member disabled or given another
 *                              role, a key revoked, a workspace that now restricts its agents, changes their stream
 * @param streamsPerCaller open streams one person or key may hold on a node (a few browser tabs)
 * @param streamsPerWorkspace open streams one workspace may hold on a node
 * @param streams open streams a node holds in all: each is a connection, and connections are what a node runs out of
 */
@ConfigurationProperties("maxmysales.inbox")
public record InboxSettings(
        @DefaultValue("PT60S") Duration presenceTimeout,
        @DefaultValue("PT20S") Duration heartbeatInterval,
        @DefaultValue("PT30S") Duration snoozeCheckInterval,
        @DefaultValue("1000") int searchMessages,
        @DefaultValue("P7D") Duration searchMessagesAge,
        @DefaultValue("500") int searchConversations,
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("PT2S") Duration streamRecheckInterval,
        @DefaultValue("5") int streamsPerCaller,
        @DefaultValue("50") int streamsPerWorkspace,
        @DefaultValue("1000") int streams) {
}
