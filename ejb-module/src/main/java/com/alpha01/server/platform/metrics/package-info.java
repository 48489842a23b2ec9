/**
 * Metrics in Prometheus format through WildFly's micrometer subsystem ({@code configure-metrics.cli}):
 * {@code Meters} is the one place the application names and registers its meters.
 */
package com.alpha01.server.platform.metrics;
