/**
 * The staff member's session on this PC: sign-in (a kept session, a scripted one, or Keycloak's page
 * in the window), sign-out, this device's registration and its cache, the link's life cycle (one
 * {@link com.alpha01.client.link.ServerLink} per registration, with its auto-responder) and the
 * counter's QR code.
 */
package com.alpha01.client.session;
