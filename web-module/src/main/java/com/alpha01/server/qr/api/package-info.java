/** QR entry points: code creation over REST and the public {@code /connect} URL the codes carry. */
package com.alpha01.server.qr.api;
