package com.maxmysales.contacts;

/**
 * What an import would refuse for consent, counted before it starts, so that the business fixes its mapping or its
 * default basis first rather than reading the error report after.
 *
 * @param rows the file's data rows
 * @param missingConsentBasis rows with no basis in the mapped column and no default basis: refused
 * @param consentRefused rows whose consent column says no: refused, whatever the default
 */
public record ImportCheck(long rows, long missingConsentBasis, long consentRefused) {

    public long refusedForConsent() {
        return missingConsentBasis + consentRefused;
    }
}
