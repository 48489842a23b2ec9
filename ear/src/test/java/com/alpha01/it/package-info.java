/**
 * Integration tests against the real EAR on a managed WildFly (Arquillian), a real PostgreSQL
 * and a real Keycloak, all started by {@link com.alpha01.it.TestEnvironment} on free loopback ports.
 */
package com.alpha01.it;
