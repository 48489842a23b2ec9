package com.alpha01.client.browser;

import org.cef.CefSettings;
import org.cef.browser.CefBrowser;
import org.cef.handler.CefDisplayHandlerAdapter;
import org.jboss.logging.Logger;

/** Sends the page's console output to the application log, so that script errors are not lost. */
final class ConsoleLog extends CefDisplayHandlerAdapter {

    private static final Logger LOG = Logger.getLogger("com.alpha01.client.browser.console");

    @Override
    public boolean onConsoleMessage(CefBrowser browser, CefSettings.LogSeverity level, String message, String source,
            int line) {
        switch (level) {
            case LOGSEVERITY_ERROR, LOGSEVERITY_FATAL -> LOG.errorf("%s (%s:%d)", message, source, line);
            case LOGSEVERITY_WARNING -> LOG.warnf("%s (%s:%d)", message, source, line);
            default -> LOG.debugf("%s (%s:%d)", message, source, line);
        }
        return false;
    }
}
