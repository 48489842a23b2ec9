/** Use cases: create a code, validate a scan and record its outcome. */
package com.alpha01.server.qr.application;
