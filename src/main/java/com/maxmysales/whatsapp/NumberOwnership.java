package com.maxmysales.whatsapp;

import java.io.IOException;

import com.maxmysales.platform.Refusal;
import com.maxmysales.whatsapp.ChannelManagement.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Phone-number ids are no secret (every webhook and message carries one), so a workspace naming one proves
 * nothing. Before a real number is connected, Meta is asked with the token given for it: {@code GET
 * /{phone-number-id}} answers only to a token that may act for the number, and {@code GET
 * /{waba-id}/phone_numbers} only to one that may manage the account, and must list the number. Whatever Meta
 * does not confirm, and a number another workspace already has, get the same answer, which says neither.
 */
@Component
class NumberOwnership {

    private static final int MAX_PAGES = 10;

    // The Graph client reads tokens through ChannelManagement, which asks this: taken when first needed.
    private final ObjectProvider<GraphClient> graph;

    NumberOwnership(ObjectProvider<GraphClient> graph) {
        this.graph = graph;
    }

    /**
     * @throws Refusal {@code UNPROCESSABLE} when Meta does not confirm the token for the number and its WABA;
     *         {@code UPSTREAM_FAILED} when the Graph API cannot be asked
     */
    MetaNumber confirm(Connection connection) {
        var route = new GraphRoute(false, connection.graphBaseUrl(), connection.graphVersion());
        try {
            var number = graph.getObject().read(route, connection.phoneNumberId() + "?fields=" + MetaNumber.FIELDS,
                    connection.accessToken());
            if (!connection.phoneNumberId().equals(number.path("id").asString("")) || !wabaLists(route, connection)) {
                throw notConfirmed(connection);
            }
            return MetaNumber.of(number);
        } catch (GraphCallFailed refused) {
            throw notConfirmed(connection);
        } catch (IOException unreachable) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private boolean wabaLists(GraphRoute route, Connection connection) throws IOException, InterruptedException {
        var client = graph.getObject();
        var page = client.read(route, connection.wabaId() + "/phone_numbers?fields=id&limit=100", connection.accessToken());
        for (int pages = 1; ; pages++) {
            for (var number : page.path("data")) {
                if (connection.phoneNumberId().equals(number.path("id").asString(""))) {
                    return true;
                }
            }
            var next = page.path("paging").path("next").asString("");
            if (next.isBlank() || pages >= MAX_PAGES) {
                return false;
            }
            page = client.readNext(route, next, connection.accessToken());
        }
    }

    static Refusal notConfirmed(Connection connection) {
        return Refusal.unprocessable("channel-not-confirmed", "Number not confirmed",
                "phone number id " + connection.phoneNumberId() + " of WhatsApp Business Account " + connection.wabaId()
                        + " cannot be connected to this workspace: Meta did not confirm that this access token may act "
                        + "for both, or the number is not available here. Use a system-user token with "
                        + "whatsapp_business_messaging and whatsapp_business_management for this account.");
    }

    private static Refusal unavailable() {
        return new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-unavailable", "Graph API unavailable",
                "Meta's Graph API could not be asked whether this token may act for the number: try again later");
    }
}
