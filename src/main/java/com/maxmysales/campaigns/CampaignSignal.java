package com.maxmysales.campaigns;

import com.maxmysales.platform.WakeUp;

import org.springframework.stereotype.Component;

/** Wakes this node's campaign engine when a campaign was launched or resumed here. */
@Component
class CampaignSignal extends WakeUp {
}
