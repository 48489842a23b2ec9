package com.alpha01.bench.gatling;

/**
 * The run's size and targets, from system properties of the Gatling JVM (GatlingBenchIT sets them):
 * where the stack listens, the feeder of customer accounts, the QR URLs, how many questions each
 * customer writes (warm-up first), how fast customers enter, and the HTTP entry scenarios' rate.
 */
record Settings(String server, String customers, int customerCount, String qr, String forgedQr, int warmupQuestions,
                int questions, double entryRate, double httpRate, int httpSeconds, int readers) {

    static Settings fromSystemProperties() {
        return new Settings(required("alpha01.server"), required("gatling.customers"),
                Integer.parseInt(required("gatling.customer-count")), required("gatling.qr"),
                required("gatling.qr.forged"), Integer.getInteger("gatling.warmup-questions", 0),
                Integer.getInteger("gatling.questions", 3), Double.parseDouble(System.getProperty("gatling.entry-rate", "10")),
                Double.parseDouble(System.getProperty("gatling.http-rate", "2")), Integer.getInteger("gatling.http-seconds", 2),
                Integer.getInteger("gatling.readers", 1));
    }

    /** The server's base URL as a WebSocket URL ({@code ws://…}). */
    String socketBase() {
        return server.replaceFirst("^http", "ws");
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (GatlingBenchIT sets it)");
        }
        return value;
    }
}
