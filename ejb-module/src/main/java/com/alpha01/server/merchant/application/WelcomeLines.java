package com.alpha01.server.merchant.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The line a shop opens an empty chat with: read and set by its staff. Unset, customers see a
 * default built from the shop's name (on their page, in their language); the Chinese form of that
 * default is {@link #defaultFor(String)}. The line is shown, never stored as a message.
 */
@Stateless
public class WelcomeLines {

    private static final Logger LOG = Logger.getLogger(WelcomeLines.class);

    @Inject
    MerchantDirectory directory;

    /** The caller's shop's line: its own ({@code custom}, null when unset) and what customers see. */
    public record WelcomeLine(String custom, String shown) {
    }

    public WelcomeLine of(Caller staff) {
        return view(directory.merchantOf(staff));
    }

    /** Sets the caller's shop's line; null or blank goes back to the default. BAD_TEXT for a line that is not one short line. */
    public WelcomeLine set(Caller staff, String line) {
        String checked = check(line);
        Merchant merchant = directory.merchantOf(staff);
        merchant.welcomeWith(checked);
        LOG.infof("Merchant %s %s its welcome line", merchant.code(), checked == null ? "reset" : "set");
        return view(merchant);
    }

    /** The default line for a shop called {@code name}, as the customer page shows it in Chinese. */
    public static String defaultFor(String name) {
        return "您好，欢迎光临" + name + "！请问有什么可以帮您？";
    }

    static String check(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        String stripped = line.strip();
        if (stripped.length() > Merchant.WELCOME_LINE_MAX) {
            throw new DomainException(ErrorCode.BAD_TEXT,
                    "the welcome line is longer than " + Merchant.WELCOME_LINE_MAX + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(ErrorCode.BAD_TEXT, "the welcome line must be one line of text");
        }
        return stripped;
    }

    private static WelcomeLine view(Merchant m) {
        return new WelcomeLine(m.welcomeLine(), m.welcomeLine() == null ? defaultFor(m.name()) : m.welcomeLine());
    }
}
