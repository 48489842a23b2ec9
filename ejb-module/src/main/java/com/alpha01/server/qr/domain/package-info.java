/**
 * {@code QrCode} (only a hash of its token is kept), {@code QrScan}, the token rules and the
 * {@code /connect} URL a code carries.
 */
package com.alpha01.server.qr.domain;
