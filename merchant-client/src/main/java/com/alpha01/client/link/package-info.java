/**
 * The merchant client's link to the server: the {@code /ws/client} socket (reconnect with backoff
 * and jitter, replies held until acknowledged, delivery receipts, duplicate suppression) and the
 * REST calls for registration and QR codes.
 */
package com.alpha01.client.link;
