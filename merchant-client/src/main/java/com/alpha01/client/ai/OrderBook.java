package com.alpha01.client.ai;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Order status from a CSV file the merchant points at (exported from their shop system): columns order number,
 * status, last updated; a header row and a UTF-8 byte-order mark are fine. Read on each look-up, so the merchant
 * can replace the file at any time; a missing or unreadable file gives a polite "cannot look it up".
 */
public final class OrderBook {

    public record Order(String number, String status, String updated) {
    }

    private static final Logger LOG = Logger.getLogger(OrderBook.class);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).get();

    private final Path csv;

    /** {@code csv} may be null: no order data. */
    public OrderBook(Path csv) {
        this.csv = csv;
    }

    public Optional<Order> find(String orderNumber) throws IOException {
        String wanted = normalise(orderNumber);
        if (csv == null || wanted.isEmpty()) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : FORMAT.parse(in)) {
                if (row.size() >= 2 && normalise(row.get(0)).equals(wanted)) {
                    return Optional.of(new Order(row.get(0).replace("\uFEFF", "").strip(), row.get(1).strip(),
                            row.size() > 2 ? row.get(2).strip() : ""));
                }
            }
        }
        return Optional.empty();
    }

    /** A sentence for the model about this order. */
    public String statusText(String orderNumber) {
        if (csv == null || !Files.isReadable(csv)) {
            return "订单系统暂时无法查询，请告诉顾客店员会帮忙查看。";
        }
        try {
            return find(orderNumber).map(o -> "订单 " + o.number() + "：" + o.status()
                            + (o.updated().isEmpty() ? "" : "（更新于 " + o.updated() + "）"))
                    .orElse("没有找到订单号为 " + orderNumber + " 的订单，请顾客核对订单号。");
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Order file %s unreadable: %s", csv.getFileName(), e.getClass().getSimpleName());
            return "订单系统暂时无法查询，请告诉顾客店员会帮忙查看。";
        }
    }

    private static String normalise(String number) {
        return number == null ? "" : number.replace("\uFEFF", "").strip().replaceFirst("^#", "").toUpperCase(Locale.ROOT);
    }
}
