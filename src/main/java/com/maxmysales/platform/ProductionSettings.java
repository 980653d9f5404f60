package com.maxmysales.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A platform without its sandbox is a production platform, and the development defaults that ship for the
 * sandbox's sake (application.yml) must not reach it: with the shipped app secret anyone could sign webhooks,
 * and without a master key personal data would sit under a key generated next to it on disk. It refuses to
 * start, before anything else starts (the embedded database included), and names every setting to set at once.
 */
@Component
class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    /** The development values in application.yml, which the sandbox signs and verifies with. */
    static final String DEVELOPMENT_APP_SECRET = "sandbox-dev-app-secret";
    static final String DEVELOPMENT_VERIFY_TOKEN = "sandbox-dev-verify-token";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.getProperty("maxmysales.sandbox.enabled", Boolean.class, true)) {
            return;
        }
        var missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new UnsafeProductionSettings(missing);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** What a production platform still lacks, each as the sentence telling the operator what to set. */
    static List<String> missing(Environment environment) {
        var missing = new ArrayList<String>();
        var appSecret = environment.getProperty("maxmysales.whatsapp.app-secret", "");
        if (appSecret.isBlank() || appSecret.strip().equals(DEVELOPMENT_APP_SECRET)) {
            missing.add("set maxmysales.whatsapp.app-secret (MAXMYSALES_WHATSAPP_APP_SECRET) to your Meta app's "
                    + "secret: it checks the signature of every webhook");
        }
        var previous = Binder.get(environment)
                .bind("maxmysales.whatsapp.previous-app-secrets", Bindable.listOf(String.class)).orElse(List.of());
        if (previous.stream().anyMatch(secret -> secret.strip().equals(DEVELOPMENT_APP_SECRET))) {
            missing.add("remove the development app secret from maxmysales.whatsapp.previous-app-secrets");
        }
        var verifyToken = environment.getProperty("maxmysales.whatsapp.verify-token", "");
        if (verifyToken.isBlank() || verifyToken.strip().equals(DEVELOPMENT_VERIFY_TOKEN)) {
            missing.add("set maxmysales.whatsapp.verify-token (MAXMYSALES_WHATSAPP_VERIFY_TOKEN) to the verify "
                    + "token you give Meta for the webhook");
        }
        if (environment.getProperty("maxmysales.privacy.master-key", "").isBlank()) {
            missing.add("set maxmysales.privacy.master-key (MAXMYSALES_PRIVACY_MASTER_KEY) to the base64 of 32 random "
                    + "bytes (openssl rand -base64 32); a platform that ran in development mode keeps its key in "
                    + "<data-dir>/keys/master.key, and that is the one to set to keep its data readable");
        }
        return missing;
    }

    /** Why a production platform did not start; the failure analyzer shows it without a stack trace. */
    static class UnsafeProductionSettings extends IllegalStateException {

        private final List<String> missing;

        UnsafeProductionSettings(List<String> missing) {
            super("MaxMySales runs in production mode (maxmysales.sandbox.enabled=false) and does not start with "
                    + "development defaults: " + String.join("; ", missing));
            this.missing = List.copyOf(missing);
        }

        List<String> missing() {
            return missing;
        }
    }
}
