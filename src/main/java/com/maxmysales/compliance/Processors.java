package com.maxmysales.compliance;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who receives personal data from the platform, as configured (P3, P9): Meta always (it delivers the messages), the
 * AI processors of {@code maxmysales.privacy.requests.ai-processors}, and the mail servers configured for privacy
 * mail, opt-out confirmations and account mail. Read from the operator's settings, so the report cannot list a
 * processor the platform does not use, nor miss one it does.
 */
@Component
class Processors {

    private final List<ComplianceReport.Processor> processors;

    Processors(Environment environment, ComplianceSettings settings) {
        var binder = Binder.get(environment);
        var list = new ArrayList<ComplianceReport.Processor>();
        list.add(new ComplianceReport.Processor("Meta Platforms (WhatsApp Business Cloud API)",
                "delivering and receiving WhatsApp messages",
                "phone numbers, WhatsApp profile names, message content, delivery and read status",
                "outside India (Meta's data centres)", settings.metaTransferBasis()));
        binder.bind("maxmysales.privacy.requests.ai-processors", Bindable.listOf(String.class)).orElse(List.of())
                .forEach(name -> list.add(new ComplianceReport.Processor(name, "AI answers and intent detection",
                        "message text with phone numbers, emails and names masked", "as its agreement states",
                        settings.aiTransferBasis())));
        for (var mail : List.of("maxmysales.privacy.mail", "maxmysales.optout.mail", "maxmysales.tenancy.mail")) {
            var host = binder.bind(mail + ".smtp-host", String.class).orElse("");
            if (!host.isBlank() && list.stream().noneMatch(known -> known.name().equals("Mail server " + host))) {
                list.add(new ComplianceReport.Processor("Mail server " + host,
                        "verification codes, opt-out confirmations, breach notices, account mail",
                        "email addresses and the text of those mails", "where the operator runs or contracts it",
                        settings.mailTransferBasis()));
            }
        }
        this.processors = List.copyOf(list);
    }

    List<ComplianceReport.Processor> all() {
        return processors;
    }
}
