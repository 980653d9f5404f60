package com.maxmysales.messaging;

import java.util.List;

import com.maxmysales.privacy.spi.VerificationMessenger;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.message.Template;
import com.maxmysales.whatsapp.message.TemplateButton;
import com.maxmysales.whatsapp.message.Text;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import org.springframework.stereotype.Component;

/**
 * Sends privacy-request verification codes on WhatsApp for the privacy module, which may not depend on
 * messaging. Free text within the 24-hour window; outside it, the authentication template named by
 * {@code maxmysales.messaging.verification-template} when one is configured, as Meta allows only templates there.
 * Queued in the caller's transaction: a request that is not filed sends no code.
 */
@Component
class VerificationMessages implements VerificationMessenger {

    private final Outbound outbound;
    private final MessagingSettings settings;

    VerificationMessages(Outbound outbound, MessagingSettings settings) {
        this.outbound = outbound;
        this.settings = settings;
    }

    @Override
    public boolean send(WorkspaceId workspace, PhoneNumber to, String code, String text) {
        return queued(workspace, to, Text.of(text))
                || settings.verificationTemplate() != null && queued(workspace, to, template(code));
    }

    /** Meta's authentication templates take the code as the body's parameter and again for the copy-code button. */
    private Template template(String code) {
        return Template.of(settings.verificationTemplate(), settings.verificationTemplateLanguage())
                .withBody(List.of(code)).withButton(new TemplateButton(TemplateButton.Kind.URL, 0, code));
    }

    private boolean queued(WorkspaceId workspace, PhoneNumber to, WhatsAppMessage message) {
        // An authentication code is a service to the person who asked for it, never marketing.
        return outbound.queue(OutboundRequest.of(workspace, Recipient.of(to), message, MessagePurpose.AUTHENTICATION,
                Lane.FOLLOW_UP)) instanceof OutboundResult.Queued;
    }
}
