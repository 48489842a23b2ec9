package com.alpha01.server.merchant.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WelcomeLinesTest {

    @Test
    void a_line_is_kept_without_surrounding_blanks_and_a_blank_one_means_the_default() {
        assertEquals("刚出炉的可颂，欢迎品尝！", WelcomeLines.check("  刚出炉的可颂，欢迎品尝！ "));
        assertNull(WelcomeLines.check(null));
        assertNull(WelcomeLines.check("   "));
        assertEquals("长".repeat(Merchant.WELCOME_LINE_MAX), WelcomeLines.check("长".repeat(Merchant.WELCOME_LINE_MAX)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"第一行\n第二行", "欢迎\u0007光临"})
    void a_line_of_more_than_one_line_or_with_control_characters_is_bad_text(String line) {
        DomainException e = assertThrows(DomainException.class, () -> WelcomeLines.check(line));
        assertEquals(ErrorCode.BAD_TEXT, e.code());
    }

    @Test
    void a_line_over_the_limit_is_bad_text() {
        DomainException e = assertThrows(DomainException.class,
                () -> WelcomeLines.check("长".repeat(Merchant.WELCOME_LINE_MAX + 1)));
        assertEquals(ErrorCode.BAD_TEXT, e.code());
        assertEquals("the welcome line is longer than 200 characters", e.getMessage());
    }

    @Test
    void the_default_greets_in_the_shops_name() {
        assertEquals("您好，欢迎光临阿尔法面包！请问有什么可以帮您？", WelcomeLines.defaultFor("阿尔法面包"));
    }
}
