/**
 * The Gatling simulation of Alpha 01's customers (issue 14): entry through QR code and Keycloak's
 * login form, questions over the customer socket checked for their ack and answer, and the HTTP
 * entry path at a steady rate. Run in a JVM of its own by the ear module's GatlingBenchIT.
 */
package com.alpha01.bench.gatling;
