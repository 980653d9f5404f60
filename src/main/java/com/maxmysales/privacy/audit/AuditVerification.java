package com.maxmysales.privacy.audit;

/**
 * What checking the audit chain found.
 *
 * @param intact whether every row from the first kept one to the last is there, unchanged and in order
 * @param lastHash the hash of the newest row, hex: write it down elsewhere, and a later check that still
 *        reaches it proves nothing before it was rewritten
 * @param brokenAt the first row that fails, or {@code null}
 * @param problem what is wrong there, or {@code null}
 */
public record AuditVerification(boolean intact, long rowsChecked, long firstSeq, long lastSeq, String lastHash,
        Long brokenAt, String problem) {
}
