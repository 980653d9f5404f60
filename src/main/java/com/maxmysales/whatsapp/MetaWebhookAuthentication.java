package com.maxmysales.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.maxmysales.platform.Refusal;

import org.springframework.stereotype.Component;

/**
 * How every webhook of the Meta app proves it is Meta's (WhatsApp's and the Pages' {@code leadgen} alike):
 * {@code X-Hub-Signature-256: sha256=<hex>}, HMAC-SHA256 of the exact bytes received keyed with the app
 * secret, compared in constant time (during a rotation of the app secret the previous ones count too); and
 * the subscription check, which echoes a challenge only for the verify token.
 */
@Component
public class MetaWebhookAuthentication {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private final List<SecretKeySpec> keys;
    private final byte[] verifyToken;

    MetaWebhookAuthentication(WhatsAppSettings settings) {
        this.verifyToken = settings.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.keys = Stream.concat(Stream.of(settings.appSecret()), settings.previousAppSecrets().stream())
                .filter(secret -> !secret.isBlank())
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .toList();
    }

    /** The challenge to echo to a subscription check that carries our verify token; empty for any other (a 403). */
    public Optional<String> verifiedChallenge(String mode, String token, String challenge) {
        var verified = "subscribe".equals(mode) && token != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), verifyToken);
        return verified ? Optional.ofNullable(challenge) : Optional.empty();
    }

    /**
     * A webhook POST's body, read up to {@code maxBytes} and checked against its {@value #SIGNATURE_HEADER}.
     *
     * @param declaredLength the body's {@code Content-Length}, or -1 when it has none
     * @param signature the {@value #SIGNATURE_HEADER} header, or null
     * @throws Refusal {@code TOO_LARGE} when larger, {@code UNAUTHENTICATED} when the signature is missing or wrong
     */
    public byte[] signedBody(InputStream in, long declaredLength, String signature, int maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        var body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (!signatureMatches(body, signature)) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "invalid-signature", "Invalid signature",
                    "X-Hub-Signature-256 is missing or is not the app secret's HMAC-SHA256 of this body");
        }
        return body;
    }

    private static Refusal tooLarge(int max) {
        return new Refusal(Refusal.Kind.TOO_LARGE, "request-too-large", "Request too large",
                "webhook bodies are limited to " + max + " bytes");
    }

    private boolean signatureMatches(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT));
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

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
