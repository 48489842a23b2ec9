/**
 * The start-up benchmark ({@code bench/run startup}, writes docs/bench/startup.md): cold and warm
 * {@code bin/alpha01 up} to a working stack, the merchant client's first paint, and the customer page's
 * first and repeat load in headless Chromium (bytes and time).
 */
package com.alpha01.bench.startup;
