package com.maxmysales.tenancy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The team as one owner or admin sees it on the team page.
 *
 * @param manageable the members they may change, disable, remove or reset
 * @param grantable the roles they may invite with or give
 */
public record TeamOverview(List<Member> members, Set<UUID> manageable, List<Role> grantable,
        List<Invitation> invitations) {
}
