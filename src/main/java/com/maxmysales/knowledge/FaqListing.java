package com.maxmysales.knowledge;

import java.util.List;

/** A workspace's FAQ; {@code defaults} when it still answers with the demo entries it started with. */
public record FaqListing(boolean defaults, List<FaqEntry> entries) {
}
