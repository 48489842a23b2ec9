package com.alpha01.client.ai;

import com.alpha01.client.kb.KnowledgeSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small knowledge base for the assistant's tests: an entry matches a query that contains one of its keywords,
 * with the entry's fixed score; hits of 0.8 and more are confident. Records the queries it was asked.
 */
final class FixedKnowledge implements KnowledgeSearch {

    private record Entry(List<String> keywords, Hit hit) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    /** The entries the tests share: returns policy (confident), delivery (confident), a weak match on coupons. */
    static FixedKnowledge shop() {
        return new FixedKnowledge()
                .add("returns", "退换货政策.pdf 第1页", 0.92, "七天无理由退换货，商品需保持完好，运费由顾客承担。", "退货", "退换", "换货")
                .add("delivery", "配送说明.docx", 0.88, "同城订单当天发货，外地订单两天内发货，满99元包邮。", "发货", "快递", "包邮", "配送")
                .add("coupon", "FAQ", 0.55, "优惠券不能与会员折扣同时使用。", "优惠");
    }

    FixedKnowledge add(String id, String source, double score, String text, String... keywords) {
        entries.add(new Entry(List.of(keywords), new Hit(id, text, source, score)));
        return this;
    }

    @Override
    public List<Hit> search(String query, int k) {
        queries.add(query);
        return entries.stream()
                .filter(e -> e.keywords().stream().anyMatch(query::contains))
                .map(Entry::hit)
                .sorted(Comparator.comparingDouble(Hit::score).reversed())
                .limit(k)
                .toList();
    }

    @Override
    public boolean confident(Hit hit) {
        return hit.score() >= 0.8;
    }

    List<String> queries() {
        return List.copyOf(queries);
    }
}
