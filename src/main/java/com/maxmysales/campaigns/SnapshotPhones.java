package com.maxmysales.campaigns;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The campaign_snapshot_phones table: the phones a snapshot in progress gave a recipient, by blind index, so that a
 * page read in a later transaction than another still gives each phone once (V291 says why the contacts' unique
 * index does not).
 */
@Repository
class SnapshotPhones {

    /** A contact of a page with the blind index of its phone. */
    record Claim(UUID contact, byte[] phone) {}

    private final JdbcClient jdbc;

    SnapshotPhones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives each claim's phone to its contact unless an earlier page gave it to another contact.
     *
     * @return the contacts whose phone went to another contact before
     */
    Set<UUID> claim(WorkspaceId workspace, UUID campaign, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        // The insert's rows are not visible to the select of its own statement: the join sees the earlier pages' only.
        return new HashSet<>(jdbc.sql("""
                with given as (
                    insert into campaign_snapshot_phones (campaign_id, workspace_id, phone_index, contact_id)
                    select :campaign, :workspace, c.phone, c.contact
                    from unnest(cast(:phones as bytea[]), cast(:contacts as uuid[])) as c (phone, contact)
                    on conflict (campaign_id, phone_index) do nothing)
                select c.contact
                from unnest(cast(:phones as bytea[]), cast(:contacts as uuid[])) as c (phone, contact)
                join campaign_snapshot_phones s on s.workspace_id = :workspace and s.campaign_id = :campaign
                     and s.phone_index = c.phone
                where s.contact_id <> c.contact
                """)
                .param("campaign", campaign).param("workspace", workspace.value())
                .param("phones", claims.stream().map(Claim::phone).toArray(byte[][]::new))
                .param("contacts", claims.stream().map(Claim::contact).toArray(UUID[]::new))
                .query(UUID.class).list());
    }

    /** The snapshot ended (read to its end, or its campaign cancelled): its phones are kept no longer. */
    void release(WorkspaceId workspace, UUID campaign) {
        jdbc.sql("delete from campaign_snapshot_phones where workspace_id = :workspace and campaign_id = :campaign")
                .param("workspace", workspace.value()).param("campaign", campaign).update();
    }
}
