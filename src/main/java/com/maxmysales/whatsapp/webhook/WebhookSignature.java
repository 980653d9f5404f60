package com.maxmysales.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.maxmysales.whatsapp.WhatsAppSettings;

import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the exact bytes received, keyed with the
 * app secret, compared in constant time. During a rotation of the app secret the previous ones count too.
 */
@Component
class WebhookSignature {

    private static final String PREFIX = "sha256=";
    private final List<SecretKeySpec> keys;

    WebhookSignature(WhatsAppSettings settings) {
        this.keys = Stream.concat(Stream.of(settings.appSecret()), settings.previousAppSecrets().stream())
                .filter(secret -> !secret.isBlank())
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .toList();
    }

    boolean matches(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        var matched = false;
        for (var key : keys) {
            // Every key is tried, so timing does not tell which secret (if any) matched.
            matched |= MessageDigest.isEqual(hmac(key, body), presented);
        }
        return matched;
    }

    static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(
                hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), body));
    }
}
