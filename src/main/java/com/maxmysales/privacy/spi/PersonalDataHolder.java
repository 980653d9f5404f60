package com.maxmysales.privacy.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

/**
 * Implemented by every module that stores personal data, so that a data principal's request and the
 * retention purge reach all of it while privacy depends on none of those modules.
 */
public interface PersonalDataHolder {

    /** What this holder keeps, as a data inventory and an access export name it, e.g. "messages". */
    String category();

    /**
     * Holders are erased in ascending order: rows that refer to a contact before the contact itself.
     * Anything below {@link #CONTACT_RECORDS} goes first.
     */
    default int erasureOrder() {
        return 0;
    }

    int CONTACT_RECORDS = 100;

    /** Everything held about the subject, decrypted, one map per record, for an access request. */
    List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject);

    /** Removes everything held about the subject. @return how many records (rows, files) went */
    int erase(WorkspaceId workspace, DataSubject subject);

    /**
     * Removes the content of one workspace whose retention ended: of conversations that ended before
     * {@code purge.cutoff()}, except held records, keeping the non-personal metadata aggregates need (type,
     * status, times).
     */
    default PurgeCount purgeContent(Purge purge) {
        return PurgeCount.NONE;
    }

    /**
     * Removes one workspace's traffic metadata whose retention ended (who messaged whom, when, with what
     * status): records of conversations that ended before {@code purge.cutoff()}, except held records.
     */
    default PurgeCount purgeTrafficMetadata(Purge purge) {
        return PurgeCount.NONE;
    }

    /**
     * Removes content kept before it is known whose it is (raw webhook events), received before the cutoff,
     * which the shortest content retention any workspace chose sets, as it may be that workspace's; except
     * what is about {@code heldPeople}, per workspace the phone numbers of the people its legal holds keep.
     */
    default PurgeCount purgeUnattributedContent(Instant cutoff, Map<WorkspaceId, Set<PhoneNumber>> heldPeople,
            boolean dryRun) {
        return PurgeCount.NONE;
    }

    /**
     * How many records of this category the workspace holds now, for the compliance report's data inventory; empty
     * when the holder keeps no per-workspace count (raw webhook events belong to no workspace until parsed).
     */
    default OptionalLong records(WorkspaceId workspace) {
        return OptionalLong.empty();
    }

    /**
     * The workspace's contacts with a record of this category that is held now and was made at or before {@code
     * until}: the people whose data of this category existed during an exposure window ending then (a record held now
     * has existed from its making until now). Empty when the holder cannot tie its records to contacts, so a breach
     * cannot name the category. What was deleted before the breach was recorded is no longer known to anyone.
     */
    default Optional<Set<ContactId>> contactsWithRecordsMadeBy(WorkspaceId workspace, Instant until) {
        return Optional.empty();
    }
}
