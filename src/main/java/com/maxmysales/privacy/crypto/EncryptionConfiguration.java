package com.maxmysales.privacy.crypto;

import com.maxmysales.platform.DataDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

    @Bean
    MasterKeys masterKeys(EncryptionSettings settings, DataDirectory dataDirectory) {
        var configured = settings.masterKeyBytes();
        if (configured.isPresent()) {
            return new MasterKeys(configured.get(), settings.previousMasterKeyBytes());
        }
        var file = DevelopmentMasterKey.file(dataDirectory);
        var keys = new MasterKeys(DevelopmentMasterKey.loadOrCreate(file), settings.previousMasterKeyBytes());
        log.warn("No maxmysales.privacy.master-key is set: personal data is encrypted under the development master key "
                + "{} kept in {}. Set MAXMYSALES_PRIVACY_MASTER_KEY in production.", keys.current().id(), file);
        return keys;
    }
}
