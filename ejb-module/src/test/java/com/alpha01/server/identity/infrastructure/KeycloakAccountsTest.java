package com.alpha01.server.identity.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeycloakAccountsTest {

    @Test
    void a_listing_longer_than_one_page_is_read_whole_and_the_short_page_ends_it() {
        for (int size : new int[] {0, 1, KeycloakAccounts.PAGE - 1, KeycloakAccounts.PAGE, 1234}) {
            List<Integer> firsts = new ArrayList<>();
            List<Integer> items = IntStream.range(0, size).boxed().toList();
            List<Integer> read = KeycloakAccounts.paged((first, max) -> {
                firsts.add(first);
                return items.subList(Math.min(first, size), Math.min(first + max, size));
            });
            assertEquals(items, read, "size " + size);
            assertEquals(size / KeycloakAccounts.PAGE + 1, firsts.size(), "pages asked for, size " + size);
            assertEquals(IntStream.range(0, firsts.size()).map(i -> i * KeycloakAccounts.PAGE).boxed().toList(),
                    firsts);
        }
    }
}
