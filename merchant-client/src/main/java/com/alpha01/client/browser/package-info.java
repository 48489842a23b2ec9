/**
 * The desktop window: embedded Chromium (JCEF via jcefmaven) showing the glass UI from the
 * classpath under {@code app://local/}, wired to the {@link com.alpha01.client.bridge.Bridge}
 * through one {@code CefMessageRouter} ({@code window.cefQuery}).
 */
package com.alpha01.client.browser;
