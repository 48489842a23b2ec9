/**
 * Merchant client releases, shared by the server that publishes them and the app that installs them: the
 * targets, and the Ed25519 signature over a package's target, version and SHA-256.
 */
package com.alpha01.protocol.release;
