package com.alpha01.server.platform.api;

/** The body of every REST error: {@code {"error", "message", "correlationId"}}. */
public record ErrorBody(String error, String message, String correlationId) {
}
