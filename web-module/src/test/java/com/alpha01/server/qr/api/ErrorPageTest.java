package com.alpha01.server.qr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.qr.application.ScanService.Verdict;
import org.junit.jupiter.api.Test;

class ErrorPageTest {

    @Test
    void an_expired_code_is_gone_with_its_own_words() {
        ErrorPage page = ErrorPage.forVerdict(Verdict.EXPIRED);

        assertEquals(410, page.status());
        assertEquals("QR_EXPIRED", page.code());
        assertTrue(page.html().contains("这个二维码已过期") && page.html().contains("has expired"));
    }

    @Test
    void a_revoked_or_used_up_code_is_gone_as_no_longer_active() {
        ErrorPage page = ErrorPage.forVerdict(Verdict.INACTIVE);

        assertEquals(410, page.status());
        assertEquals("QR_INACTIVE", page.code());
    }

    @Test
    void an_invalid_code_is_not_found_and_the_page_says_which_error_it_is() {
        ErrorPage page = ErrorPage.forVerdict(Verdict.INVALID);

        assertEquals(404, page.status());
        assertEquals("QR_INVALID", page.code());
        assertTrue(page.html().contains("data-error=\"QR_INVALID\""));
        assertTrue(page.html().startsWith("<!DOCTYPE html>"));
    }
}
