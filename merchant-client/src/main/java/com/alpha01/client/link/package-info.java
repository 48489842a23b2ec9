/**
 * The merchant client's link to the server: the {@code /ws/client} socket ({@link ServerLink}) with
 * its parts — the {@link Outbox} where replies wait (also those written offline, kept encrypted
 * across restarts) until the server acknowledges them, reconnecting with {@link Backoff} over a
 * {@link ServerRotation}, the {@link Heartbeat} ping, {@link Inbound} frames (delivery receipts,
 * duplicate suppression) — and the REST calls for registration and QR codes ({@link ServerApi}).
 */
package com.alpha01.client.link;
