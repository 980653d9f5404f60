package com.maxmysales.privacy.crypto;

import com.maxmysales.shared.WorkspaceId;

/** A stored value that cannot be decrypted: altered, misplaced, or its data key is gone. Never carries the value. */
public class DecryptionFailedException extends RuntimeException {

    DecryptionFailedException(WorkspaceId workspace, String field, String reason) {
        super("Cannot decrypt " + field + " of workspace " + workspace + ": " + reason);
    }
}
