/**
 * Storage and drawing of the QR context: JPA repositories of codes and scans (with the scan
 * funnel's grouped counts), and rendering codes to PNG, SVG and a printable sheet with ZXing.
 */
package com.alpha01.server.qr.infrastructure;
