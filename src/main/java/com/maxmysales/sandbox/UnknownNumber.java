package com.maxmysales.sandbox;

/**
 * A phone-number id that is not a sandbox number of the caller's workspace. The caller is told the same for a
 * real number, another workspace's sandbox number and an id nobody has, so the answer reveals none of them.
 */
public class UnknownNumber extends RuntimeException {

    public UnknownNumber(String phoneNumberId) {
        super("no sandbox number of this workspace has the phone-number id " + phoneNumberId);
    }
}
