package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderBookTest {

    @TempDir
    Path dir;

    @Test
    void should_find_an_order_in_an_excel_export_with_bom_header_and_quotes() throws Exception {
        Path csv = dir.resolve("orders.csv");
        Files.writeString(csv, "\uFEFF订单号,状态,更新时间\r\n\"A-7\",\"已发货, 顺丰\",2025-05-01\r\n\r\n B8 , 待付款 \r\n",
                StandardCharsets.UTF_8);
        OrderBook book = new OrderBook(csv);

        assertEquals(new OrderBook.Order("A-7", "已发货, 顺丰", "2025-05-01"), book.find("#a-7").orElseThrow());
        assertEquals("订单 B8：待付款", book.statusText("b8"));
    }

    @Test
    void should_answer_politely_when_the_file_is_missing_or_no_file_is_set() {
        assertTrue(new OrderBook(dir.resolve("gone.csv")).statusText("A1").startsWith("订单系统暂时无法查询"));
        assertTrue(new OrderBook(null).statusText("A1").startsWith("订单系统暂时无法查询"));
    }

    @Test
    void should_say_when_an_order_is_not_there() throws Exception {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "A1,已完成,2025-01-01\n", StandardCharsets.UTF_8);

        assertEquals("没有找到订单号为 Z9 的订单，请顾客核对订单号。", new OrderBook(csv).statusText("Z9"));
    }

    @Test
    void should_not_fail_on_a_file_that_is_not_csv() throws Exception {
        Path csv = Files.write(dir.resolve("orders.csv"), new byte[] {'"', 'A', 0, (byte) 0xff, '\n'});

        assertTrue(new OrderBook(csv).statusText("A").length() > 0);
    }
}
