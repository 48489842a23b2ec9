/**
 * Launchers for the real servers the dev stack and the integration tests run on 127.0.0.1:
 * PostgreSQL (zonky binaries), Keycloak (quarkus dist zip) and WildFly (dist zip configured by the
 * project's CLI scripts). Not part of the product.
 */
package com.alpha01.devstack;
