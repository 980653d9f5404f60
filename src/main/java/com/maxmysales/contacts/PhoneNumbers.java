package com.maxmysales.contacts;

import java.util.Optional;

import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads phone numbers as a workspace's people write them: a number without a country code is read in the
 * workspace's default region (e.g. IN), so the same person typed two ways is one contact. The reading itself
 * is {@link PhoneNumber#parseLenient}'s, the one every module uses.
 */
@Service
public class PhoneNumbers {

    private final WorkspaceManagement workspaces;

    PhoneNumbers(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    public String defaultRegion(WorkspaceId workspace) {
        return workspaces.get(workspace).defaultRegion();
    }

    /** The number in E.164, or empty when it is not a possible number of any plan (too short, letters...). */
    public Optional<PhoneNumber> normalize(WorkspaceId workspace, @Nullable String written) {
        return PhoneNumber.parseLenient(written, defaultRegion(workspace));
    }
}
