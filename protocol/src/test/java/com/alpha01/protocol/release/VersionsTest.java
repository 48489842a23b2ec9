package com.alpha01.protocol.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void versions_compare_numerically_and_snapshots_sort_before_their_release() {
        assertTrue(Versions.compare("0.10.0", "0.9.1") > 0);
        assertTrue(Versions.compare("1.0", "1.0.1") < 0);
        assertEquals(0, Versions.compare("1.0", "1.0.0"));
        assertTrue(Versions.compare("0.1.0-SNAPSHOT", "0.1.0") < 0);
        assertTrue(Versions.compare("0.2.0", "0.1.0-SNAPSHOT") > 0);
    }

    @Test
    void only_dotted_numbers_with_a_short_suffix_are_versions() {
        assertTrue(Versions.valid("0.2.0") && Versions.valid("1.2.0-rc1") && Versions.valid("3"));
        assertFalse(Versions.valid("") || Versions.valid(null) || Versions.valid("v1.0") || Versions.valid("1.0\n2")
                || Versions.valid("1..0") || Versions.valid("1.0-"));
    }
}
