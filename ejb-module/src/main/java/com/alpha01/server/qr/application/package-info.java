/**
 * Use cases of the QR context: staff create, list, revoke, re-issue and draw codes
 * ({@code QrService}, views with their scan funnels from {@code QrViews}); a customer's scan is
 * judged and recorded ({@code ScanService}).
 */
package com.alpha01.server.qr.application;
