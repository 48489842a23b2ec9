/** Staff sign-in at Keycloak and keeping the access token fresh. */
package com.alpha01.client.auth;
