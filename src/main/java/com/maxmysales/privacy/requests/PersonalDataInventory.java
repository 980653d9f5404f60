package com.maxmysales.privacy.requests;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * What a workspace holds, category by category, as every module's {@link PersonalDataHolder} answers it: the
 * compliance report's data inventory, and the people whose data of given categories existed by a point in time (a
 * breach's affected list).
 */
@NamedInterface("requests")
@Service
public class PersonalDataInventory {

    private final List<PersonalDataHolder> holders;
    private volatile @Nullable Set<String> contactCategories;

    PersonalDataInventory(List<PersonalDataHolder> holders) {
        this.holders = holders.stream().sorted(Comparator.comparing(PersonalDataHolder::category)).toList();
    }

    /** Records held now per category; a category whose holder keeps no per-workspace count is left out. */
    public Map<String, Long> records(WorkspaceId workspace) {
        var counts = new LinkedHashMap<String, Long>();
        for (var holder : holders) {
            OptionalLong count = holder.records(workspace);
            count.ifPresent(value -> counts.merge(holder.category(), value, Long::sum));
        }
        return counts;
    }

    /** The categories a breach can name: those whose holders tie every record to a contact. */
    public Set<String> contactCategories() {
        var known = contactCategories;
        if (known == null) {
            // A holder says whether it can by answering at all: asked about a workspace that has nothing.
            var categories = new TreeSet<String>();
            for (var holder : holders) {
                if (holder.contactsWithRecordsMadeBy(WorkspaceId.random(), Instant.EPOCH).isPresent()) {
                    categories.add(holder.category());
                }
            }
            known = contactCategories = Collections.unmodifiableSet(categories);
        }
        return known;
    }

    /**
     * Per contact, the categories among {@code categories} of which they have a record held now and made at or before
     * {@code until}.
     */
    public Map<ContactId, Set<String>> contactsWithData(WorkspaceId workspace, Collection<String> categories,
            Instant until) {
        var byContact = new HashMap<ContactId, Set<String>>();
        for (var holder : holders) {
            if (categories.contains(holder.category())) {
                holder.contactsWithRecordsMadeBy(workspace, until).ifPresent(contacts -> contacts.forEach(contact ->
                        byContact.computeIfAbsent(contact, key -> new HashSet<>()).add(holder.category())));
            }
        }
        return byContact;
    }
}
