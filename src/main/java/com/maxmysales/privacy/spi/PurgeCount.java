package com.maxmysales.privacy.spi;

/**
 * What a holder's purge did.
 *
 * @param purged records whose content (or, for metadata, the records themselves) went, or would go in a dry run
 * @param held records that were due but kept because of a legal hold
 */
public record PurgeCount(int purged, int held) {

    public static final PurgeCount NONE = new PurgeCount(0, 0);

    public PurgeCount plus(PurgeCount other) {
        return new PurgeCount(purged + other.purged, held + other.held);
    }
}
