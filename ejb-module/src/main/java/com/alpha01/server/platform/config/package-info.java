/**
 * The server's settings: {@code Settings} is the one reader (environment {@code ALPHA01_X_Y}, else
 * system property {@code alpha01.x.y}, else a default), {@code ServerConfig} names each setting and
 * its default. Both modules read settings only through here.
 */
package com.alpha01.server.platform.config;
