/** QR codes: the shop's front door. Creation, rendering, validation and scan tracking. */
package com.alpha01.server.qr;
