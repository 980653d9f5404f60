package com.maxmysales.whatsapp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Reads and changes a connected number's business profile at Meta (or at the sandbox, for its numbers). Nothing
 * is kept here: Meta's copy is the one customers see.
 */
@Service
public class BusinessProfiles {

    private final ChannelManagement channels;
    private final GraphClient graph;

    BusinessProfiles(ChannelManagement channels, GraphClient graph) {
        this.channels = channels;
        this.graph = graph;
    }

    /**
     * @throws Refusal not found for a number not connected to the workspace; upstream failed when Graph cannot be
     *         asked or refuses
     */
    public BusinessProfile read(WorkspaceId workspace, UUID channelId) {
        var channel = connected(workspace, channelId);
        try {
            return profile(graph.businessProfile(channel).path("data").path(0));
        } catch (GraphCallFailed refused) {
            throw upstream(refused.getMessage());
        } catch (IOException unreachable) {
            throw upstream("the Graph API could not be reached");
        }
    }

    /** Sends the fields given (a null one is left as it is at Meta; no websites removes them). */
    public void update(WorkspaceId workspace, UUID channelId, BusinessProfile profile) {
        profile.requireValid();
        var channel = connected(workspace, channelId);
        var body = new LinkedHashMap<String, Object>();
        body.put("messaging_product", "whatsapp");
        putIfPresent(body, "about", profile.about());
        putIfPresent(body, "address", profile.address());
        putIfPresent(body, "description", profile.description());
        putIfPresent(body, "email", profile.email());
        putIfPresent(body, "vertical", profile.vertical());
        body.put("websites", profile.websites());
        try {
            graph.updateBusinessProfile(channel, body);
        } catch (GraphCallFailed refused) {
            throw upstream(refused.getMessage());
        } catch (IOException unreachable) {
            throw upstream("the Graph API could not be reached");
        }
    }

    private Channel connected(WorkspaceId workspace, UUID channelId) {
        return channels.list(workspace).stream().filter(channel -> channel.id().equals(channelId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("number " + channelId));
    }

    private static BusinessProfile profile(JsonNode data) {
        var websites = new ArrayList<String>();
        data.path("websites").forEach(website -> websites.add(website.asString()));
        return new BusinessProfile(text(data, "about"), text(data, "address"), text(data, "description"),
                text(data, "email"), websites, text(data, "vertical"), text(data, "profile_picture_url"));
    }

    private static String text(JsonNode data, String field) {
        var value = data.path(field).asString("");
        return value.isBlank() ? null : value;
    }

    private static void putIfPresent(LinkedHashMap<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static Refusal upstream(String detail) {
        return new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-unavailable", "Graph API refused or unavailable",
                "the business profile could not be read or changed at Meta: " + detail);
    }
}
