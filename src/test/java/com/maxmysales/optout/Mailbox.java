package com.maxmysales.optout;

import org.springframework.context.ApplicationContext;

/** For tests of other packages: read the opt-out mailbox now instead of waiting for the poller's next turn. */
public final class Mailbox {

    private Mailbox() {
    }

    public static int pollNow(ApplicationContext context) throws Exception {
        return context.getBean(MailboxPoller.class).poll();
    }
}
