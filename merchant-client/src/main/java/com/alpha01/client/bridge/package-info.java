/**
 * The message bridge between the glass UI (JavaScript in the embedded browser) and Java:
 * named requests from the page answered by {@link com.alpha01.client.bridge.Bridge.Handler}s, and
 * events pushed to the page. Knows nothing about CEF, so it is unit-tested on its own.
 */
package com.alpha01.client.bridge;
