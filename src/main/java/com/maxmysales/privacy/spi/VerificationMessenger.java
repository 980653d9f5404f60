package com.maxmysales.privacy.spi;

import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

/**
 * Implemented by the module that sends WhatsApp messages: delivers the one-time code that proves a person
 * filing a privacy request holds the number they name.
 */
public interface VerificationMessenger {

    /**
     * Queues the text to the number from one of the workspace's WhatsApp numbers.
     *
     * @return false when the person cannot be reached now (no number connected, or outside the 24-hour
     *         window with no verification template configured)
     */
    boolean send(WorkspaceId workspace, PhoneNumber to, String code, String text);
}
