/** The REST application, error mapping and edge-wide helpers (configuration, correlation IDs). */
package com.alpha01.server.platform.api;
