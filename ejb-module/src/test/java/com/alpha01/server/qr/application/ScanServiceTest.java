package com.alpha01.server.qr.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.server.qr.application.ScanService.Verdict;
import com.alpha01.server.qr.domain.ScanOutcome;
import org.junit.jupiter.api.Test;

class ScanServiceTest {

    @Test
    void only_a_valid_scan_lets_the_customer_in_and_the_rest_tell_no_more_than_expired_inactive_or_invalid() {
        assertEquals(Verdict.ENTER, ScanService.verdict(ScanOutcome.VALID));
        assertEquals(Verdict.EXPIRED, ScanService.verdict(ScanOutcome.EXPIRED));
        assertEquals(Verdict.INACTIVE, ScanService.verdict(ScanOutcome.REVOKED));
        assertEquals(Verdict.INACTIVE, ScanService.verdict(ScanOutcome.USED_UP));
        assertEquals(Verdict.INVALID, ScanService.verdict(ScanOutcome.FORGED));
        assertEquals(Verdict.INVALID, ScanService.verdict(ScanOutcome.MISMATCH));
    }
}
