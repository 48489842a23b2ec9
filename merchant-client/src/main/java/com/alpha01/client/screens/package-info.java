/**
 * What the page may ask Java ({@code request(type, payload)} in {@code bridge.js}), one class per
 * screen: conversations (and the page's start), knowledge base, QR codes, automation and follow-ups,
 * settings, status, and sign-in/out. Each validates its payload and answers with JSON or a
 * {@link com.alpha01.client.bridge.BridgeException} whose code the UI shows ({@code BAD_REQUEST},
 * {@code OFFLINE}, {@code SIGNED_OUT}, {@code SERVER_ERROR}…).
 */
package com.alpha01.client.screens;
