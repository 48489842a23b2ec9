/**
 * Per-socket pacing of what peers send: the frame-rate limiter (a token bucket that also counts
 * refusals in a row, for the flood close), and the thinning of typing indicators and drafts. One
 * of each per socket; pure Java, no container.
 */
package com.alpha01.server.chat.application.pacing;
