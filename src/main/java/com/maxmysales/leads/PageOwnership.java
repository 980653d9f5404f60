package com.maxmysales.leads;

import java.io.IOException;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Secret;
import com.maxmysales.whatsapp.GraphCallFailed;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.GraphRoute;

import org.springframework.stereotype.Component;

/**
 * A page id is public, so naming one proves nothing: a workspace could otherwise take over another business's
 * page and, through it, its leads. Before a real Facebook Page is registered, Meta is asked {@code GET /me}
 * with the token given: a Page access token answers with its own page, which must be the one named. Whatever
 * Meta does not confirm, and a page another workspace already has, get the same answer, which says neither.
 */
@Component
class PageOwnership {

    private final GraphClient graph;

    PageOwnership(GraphClient graph) {
        this.graph = graph;
    }

    /**
     * @throws Refusal {@code UNPROCESSABLE} when the token is not that page's; {@code UPSTREAM_FAILED} when the Graph API
     *         cannot be asked
     */
    void confirm(String pageId, Secret pageAccessToken) {
        try {
            var me = graph.read(GraphRoute.CONFIGURED, "me?fields=id", pageAccessToken);
            if (!pageId.equals(me.path("id").asString(""))) {
                throw notConfirmed(pageId);
            }
        } catch (GraphCallFailed refused) {
            throw notConfirmed(pageId);
        } catch (IOException unreachable) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    static Refusal notConfirmed(String pageId) {
        return Refusal.unprocessable("lead-source-not-confirmed", "Page not confirmed",
                "Facebook Page " + pageId + " cannot be added to this workspace: Meta did not confirm that this is "
                        + "the page's access token, or the page is not available here. Use a long-lived Page access "
                        + "token of this page with leads_retrieval.");
    }

    private static Refusal unavailable() {
        return new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-unavailable", "Graph API unavailable",
                "Meta's Graph API could not be asked whether this is the page's token: try again later");
    }
}
