package com.alpha01.server.platform.api;

import java.util.UUID;

/** Correlation IDs tie an error the caller sees to the server log line that explains it. */
public final class Correlation {

    private Correlation() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().substring(0, 13);
    }
}
