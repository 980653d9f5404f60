package com.maxmysales.messaging;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.privacy.spi.VerificationMessenger;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends privacy-request verification codes on WhatsApp for the privacy module, which may not depend on
 * messaging. Free text within the 24-hour window; outside it, the authentication template named by
 * {@code maxmysales.messaging.verification-template} when one is configured, as Meta allows only templates there.
 */
@Component
class VerificationMessages implements VerificationMessenger {

    private final OutboundMessages outbound;
    private final MessagingSettings settings;
    private final JsonMapper json;
    private final TransactionTemplate ownTransaction;

    VerificationMessages(OutboundMessages outbound, MessagingSettings settings, JsonMapper json,
            PlatformTransactionManager transactions) {
        this.outbound = outbound;
        this.settings = settings;
        this.json = json;
        // Each attempt on its own: a refused free-form message must not doom the caller's transaction.
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean send(WorkspaceId workspace, PhoneNumber to, String code, String text) {
        var request = json.createObjectNode().put("to", to.e164()).put("type", "text").put("text", text);
        return queued(workspace, request) || settings.verificationTemplate() != null && sendTemplate(workspace, to, code);
    }

    /** Meta's authentication templates take the code as the body's parameter and again for the copy-code button. */
    private boolean sendTemplate(WorkspaceId workspace, PhoneNumber to, String code) {
        // An authentication template is a service to the person who asked for the code, never marketing.
        var request = json.createObjectNode().put("to", to.e164()).put("type", "template").put("purpose", "authentication");
        var template = request.putObject("template").put("name", settings.verificationTemplate());
        template.putObject("language").put("code", settings.verificationTemplateLanguage());
        var components = template.putArray("components");
        components.addObject().put("type", "body").putArray("parameters").addObject().put("type", "text").put("text", code);
        var button = components.addObject().put("type", "button").put("sub_type", "url").put("index", "0");
        button.putArray("parameters").addObject().put("type", "text").put("text", code);
        return queued(workspace, request);
    }

    private boolean queued(WorkspaceId workspace, ObjectNode request) {
        try {
            ownTransaction.executeWithoutResult(status -> outbound.queue(workspace, request, null));
            return true;
        } catch (ApiProblem refused) {
            return false;
        }
    }
}
