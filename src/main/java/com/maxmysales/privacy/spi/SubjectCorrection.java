package com.maxmysales.privacy.spi;

import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/** Implemented by the module that owns contacts: a data principal's correction of their name or email. */
public interface SubjectCorrection {

    /**
     * Sets the given values (null ones stay as they are) on every contact of the subject.
     *
     * @return how many contacts were corrected
     */
    int correct(WorkspaceId workspace, DataSubject subject, @Nullable String name, @Nullable EmailAddress email);
}
