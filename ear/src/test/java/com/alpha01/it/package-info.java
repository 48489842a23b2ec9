/**
 * Integration tests against the real EAR on a managed WildFly (Arquillian), a real PostgreSQL
 * and a real Keycloak, all started by {@link com.alpha01.it.TestEnvironment} on free loopback ports.
 * Also the routing benchmark ({@link com.alpha01.it.RoutingBenchIT}, run at scale by {@code bench/run})
 * with its load generator and the bare relay it is measured against, and the end-to-end benchmark
 * ({@link com.alpha01.it.EndToEndBenchIT}: the real merchant app with its window answering them).
 */
package com.alpha01.it;
