/**
 * What the window shows, pushed from Java: the conversations ({@link com.alpha01.client.ui.UiState},
 * kept for a reloaded page and cached encrypted), link and answering events turned into page events,
 * the link's status, today's figures, the counter's QR code, and staff notices (page, desktop, window).
 * What the page asks for is in {@code screens}.
 */
package com.alpha01.client.ui;
