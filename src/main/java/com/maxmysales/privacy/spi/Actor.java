package com.maxmysales.privacy.spi;

import com.maxmysales.shared.WorkspaceId;

/**
 * Who acts, as the audit log names them: an id, never a name or an email.
 *
 * @param workspace the workspace they act in; {@code null} for the operator
 * @param id e.g. {@code user:<uuid>}, {@code api-key:<uuid>}, {@code operator}
 */
public record Actor(WorkspaceId workspace, String id) {

    public static final Actor SYSTEM = new Actor(null, "system");
}
