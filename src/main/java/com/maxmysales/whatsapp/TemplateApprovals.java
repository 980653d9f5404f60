package com.maxmysales.whatsapp;

import org.springframework.stereotype.Component;

/**
 * Whether a number may send a template now, asked before a template is queued. Meta's template status updates
 * are parsed ({@link TemplateStatusChanged}) but not kept yet: until a template catalogue keeps them, every
 * template is {@link Approval#NOT_CATALOGUED}, queued, and a template Meta has not approved fails on Meta's own
 * refusal (132001, 132015...). The catalogue will answer here, and the send path already refuses anything but
 * an approved or uncatalogued template.
 */
@Component
public class TemplateApprovals {

    public enum Approval {
        APPROVED,
        /** Pending review, rejected, paused or disabled: Meta would refuse it. */
        NOT_APPROVED,
        /** No catalogue knows the template: Meta decides when it is sent. */
        NOT_CATALOGUED;

        public boolean maySend() {
            return this != NOT_APPROVED;
        }
    }

    public Approval of(Channel channel, String name, String language) {
        return Approval.NOT_CATALOGUED;
    }
}
