/** Rendering QR codes to images with ZXing. */
package com.alpha01.server.qr.infrastructure;
