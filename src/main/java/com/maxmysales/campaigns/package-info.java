/**
 * Template broadcasts to an audience: a segment, a list or a tag snapshotted a page at a time from launch into a
 * recipients table with each exclusion's reason, fed into messaging's campaign lane a few seconds of the number's
 * pace ahead, within the workspace's quiet hours, frequency cap and the number's messaging-limit tier; paused,
 * resumed and cancelled by withdrawing what is queued; statuses, replies and opt-outs followed back into a funnel.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "tenancy", "contacts",
        "messaging", "optout", "whatsapp", "whatsapp :: message", "privacy :: audit", "privacy :: crypto" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.campaigns;
