/**
 * The desktop client's configuration: {@link com.alpha01.client.settings.ClientSettings} (environment,
 * then {@code client.properties}: server, Keycloak, home folder, device id) and
 * {@link com.alpha01.client.settings.AppSettings} (what staff change on the 设置 screen, kept encrypted).
 */
package com.alpha01.client.settings;
