package com.maxmysales.whatsapp;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.whatsapp.spi.SandboxAccounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sandbox numbers of earlier versions (the demo's) were known to the sandbox by nothing but their id, and
 * their token was a shared constant. At start each one unknown to the sandbox is registered with it for its
 * workspace, under a new token that replaces the constant: the number keeps working and the constant opens
 * nothing. One transaction per number, so a node that loses the race changes nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "maxmysales.sandbox.enabled", matchIfMissing = true)
class LegacySandboxNumbers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacySandboxNumbers.class);

    private final Channels channels;
    private final SandboxAccounts sandbox;
    private final FieldCipher cipher;
    private final TransactionTemplate transaction;

    LegacySandboxNumbers(Channels channels, SandboxAccounts sandbox, FieldCipher cipher, TransactionTemplate transaction) {
        this.channels = channels;
        this.sandbox = sandbox;
        this.cipher = cipher;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (var channel : channels.sandboxNumbers()) {
            try {
                var adopted = transaction.execute(status -> sandbox.adoptNumber(channel.workspaceId(),
                        channel.phoneNumberId(), channel.wabaId(), channel.displayPhoneNumber())
                        .map(token -> channels.replaceToken(channel.workspaceId(), channel.id(),
                                cipher.encrypt(channel.workspaceId(), ChannelManagement.TOKEN_FIELD, token.reveal())))
                        .orElse(false));
                if (Boolean.TRUE.equals(adopted)) {
                    log.info("Sandbox number {} of workspace {} registered with the sandbox under a new token",
                            channel.phoneNumberId(), channel.workspaceId());
                }
            } catch (RuntimeException e) {
                // One number the sandbox cannot take must not keep the platform from starting.
                log.warn("Sandbox number {} of workspace {} could not be registered with the sandbox",
                        channel.phoneNumberId(), channel.workspaceId(), e);
            }
        }
    }
}
