/** Keycloak's admin API (keycloak-admin-client) behind the server's own small interface. */
package com.alpha01.server.identity.infrastructure;
