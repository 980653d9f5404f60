package com.maxmysales.bench;

import com.maxmysales.MaxMySalesApplication;
import com.maxmysales.privacy.crypto.PassThroughFieldCipher;

import org.springframework.boot.SpringApplication;

/** The platform with {@link PassThroughFieldCipher} in place of the real cipher: the ingest-crypto scenario's baseline. */
public final class PassThroughCipherPlatform {

    private PassThroughCipherPlatform() {
    }

    public static void main(String[] args) {
        new SpringApplication(MaxMySalesApplication.class, PassThroughFieldCipher.Replacing.class).run(args);
    }
}
