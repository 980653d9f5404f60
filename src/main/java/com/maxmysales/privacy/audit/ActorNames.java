package com.maxmysales.privacy.audit;

import java.util.Collection;
import java.util.Map;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.modulith.NamedInterface;

/**
 * Who an audit record's actor is, in words: "user:&lt;id&gt;" as the member's name, "api-key:&lt;id&gt;" as the key's
 * name. The audit log stores ids only (a name can change or be erased); the module that knows the people answers,
 * and an actor it does not know keeps its id.
 */
@NamedInterface("audit")
public interface ActorNames {

    /** The names of those of these actors that are the workspace's members or keys, keyed by the actor string. */
    Map<String, String> namesOf(WorkspaceId workspace, Collection<String> actors);
}
