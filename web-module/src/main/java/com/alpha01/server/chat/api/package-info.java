/**
 * Chat entry points: the customer session API, the {@code /ws/client} and {@code /ws/customer}
 * sockets, history, and a shop's figures for today. The sockets decode, authenticate and delegate
 * to {@code chat.application}; {@code FrameMapper} maps wire frames to the use cases' commands and
 * their {@code Outbound} records back to frames, {@code FrameDispatch} applies the frame rate and
 * turns failures into error frames, {@code SessionChannel} is a session as a {@code PeerChannel}.
 */
package com.alpha01.server.chat.api;
