package com.maxmysales.leads;

import com.maxmysales.whatsapp.spi.SandboxAccounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's sandbox page of earlier versions was known to the sandbox by nothing, and its token was a shared
 * constant. At start each sandbox page unknown to the sandbox is registered with it for its workspace, with its
 * first form, under a new token that replaces the constant. One transaction per page.
 */
@Component
@ConditionalOnBooleanProperty(name = "maxmysales.sandbox.enabled", matchIfMissing = true)
class LegacySandboxPages implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacySandboxPages.class);

    private final LeadSources sources;
    private final SandboxAccounts sandbox;
    private final TransactionTemplate transaction;

    LegacySandboxPages(LeadSources sources, SandboxAccounts sandbox, TransactionTemplate transaction) {
        this.sources = sources;
        this.sandbox = sandbox;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (var owned : sources.sandboxPages()) {
            var source = owned.source();
            if (source.forms().isEmpty()) {
                log.warn("Sandbox lead source {} has no form, so the sandbox cannot serve it; add the page again", source.id());
                continue;
            }
            try {
                var adopted = transaction.execute(status -> sandbox.adoptPage(owned.workspace(), source.pageId(),
                        source.forms().getFirst())
                        .map(token -> sources.replacePageToken(owned.workspace(), source.id(), token))
                        .orElse(false));
                if (Boolean.TRUE.equals(adopted)) {
                    log.info("Sandbox page {} of workspace {} registered with the sandbox under a new token",
                            source.pageId(), owned.workspace());
                }
            } catch (RuntimeException e) {
                // One page the sandbox cannot take must not keep the platform from starting.
                log.warn("Sandbox lead source {} could not be registered with the sandbox", source.id(), e);
            }
        }
    }
}
