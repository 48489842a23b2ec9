package com.alpha01.server.platform.edge;

/** Client addresses as a log line may show them: an IPv4 address without its last byte, IPv6 its first 48 bits. */
final class Addresses {

    private Addresses() {
    }

    static String masked(String address) {
        if (address == null) {
            return "?";
        }
        int dot = address.lastIndexOf('.');
        if (dot > 0 && address.indexOf(':') < 0) {
            return address.substring(0, dot) + ".x";
        }
        String[] groups = address.split(":", -1);
        if (groups.length >= 3) {
            return groups[0] + ":" + groups[1] + ":" + groups[2] + ":…";
        }
        return "?";
    }
}
