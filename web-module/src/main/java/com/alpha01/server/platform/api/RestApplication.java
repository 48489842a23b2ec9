package com.alpha01.server.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST API version 1. */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {
}
