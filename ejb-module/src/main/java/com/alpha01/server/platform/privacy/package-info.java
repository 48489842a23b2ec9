/**
 * Personal data kept out of logs and merchants' screens: {@code Masking} of e-mail addresses,
 * phone numbers and user names.
 */
package com.alpha01.server.platform.privacy;
