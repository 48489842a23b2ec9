/** {@code QrCode} (only a hash of its token is kept), {@code QrScan} and the token rules. */
package com.alpha01.server.qr.domain;
