package com.maxmysales.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Signs webhooks as Meta does: HMAC-SHA256 of the exact body bytes, keyed with the app secret, in lowercase hex. */
@Component
@WhenSandboxEnabled
class WebhookSigner {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    WebhookSigner(@Value("${maxmysales.whatsapp.app-secret:}") String appSecret) {
        if (appSecret.isEmpty()) {
            throw new IllegalStateException("maxmysales.whatsapp.app-secret is empty: the sandbox signs webhooks with it");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String sign(byte[] body) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
