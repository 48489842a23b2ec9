/**
 * The REST application and what every resource shares: error mapping to {@code {"error",
 * "message", "correlationId"}} bodies, correlation IDs, and the unauthenticated health and
 * client-release endpoints. Settings come from {@code platform.config} in ejb-module.
 */
package com.alpha01.server.platform.api;
