package com.alpha01.server.qr.domain;

/** What a scan of a QR URL turned out to be. Every scan is recorded with one of these. */
public enum ScanOutcome {
    VALID,
    EXPIRED,
    REVOKED,
    USED_UP,
    /** Token unknown or not matching, or malformed parameters. */
    FORGED,
    /** Token right, but the merchant/client pair in the URL is not the code's. */
    MISMATCH
}
