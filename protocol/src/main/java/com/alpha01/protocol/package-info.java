/**
 * The wire protocol between the server and its peers (customer page and merchant client): frame
 * records, their JSON codec, error codes and WebSocket close codes. Written once, used by both
 * sides. The reference is {@code docs/protocol.md}.
 */
package com.alpha01.protocol;
