package com.alpha01.client.browser;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the app's Java side, behind a real {@link Bridge}: answers every request the UI
 * makes with fixed, realistic data (a coffee shop's day) and records each request for the test.
 */
final class FakeDesktop {

    static final String C1 = "0c1a1e2b-0000-4000-8000-000000000001";
    static final String C2 = "0c1a1e2b-0000-4000-8000-000000000002";
    static final String C3 = "0c1a1e2b-0000-4000-8000-000000000003";
    static final String Q1 = "9d7e0000-0000-4000-8000-0000000000a1";
    static final String Q2 = "9d7e0000-0000-4000-8000-0000000000a2";

    final Bridge bridge = new Bridge();
    private final Map<String, BlockingQueue<JsonObject>> requests = new ConcurrentHashMap<>();

    FakeDesktop() {
        bridge.on(Bridge.READY, r -> record("ready", r, snapshot()));
        bridge.on("echo", r -> Json.createObjectBuilder().add("echo", r).add("by", "java").build());
        bridge.on("fail", r -> {
            throw new BridgeException("NOPE", "refused on purpose");
        });
        for (String type : new String[] {"reply", "read", "typing", "takeover", "handback", "close", "setLanguage",
                "settings.save", "qr.revoke", "signIn", "signOut", "update.apply"}) {
            bridge.on(type, r -> record(type, r, Json.createObjectBuilder().add("queued", false)
                    .add("restartNeeded", type.equals("settings.save") && r.containsKey("serverUrl")).build()));
        }
        bridge.on("qr.create", r -> record("qr.create", r, Json.createObjectBuilder().add("id", Q2)
                .add("url", "https://alpha01.example.cn/q/new").build()));
        bridge.on("qr.list", r -> record("qr.list", r, Json.createObjectBuilder().add("codes", Json.createArrayBuilder()
                .add(code(Q1, "收银台", "counter", "ACTIVE", 128, 37, "https://alpha01.example.cn/q/AbC"))
                .add(code(Q2, "3 号桌", "table", "ACTIVE", 12, 4, "https://alpha01.example.cn/q/new"))
                .add(code("9d7e0000-0000-4000-8000-0000000000a3", "<b>旧海报</b>", "poster", "REVOKED", 40, 9, null)))
                .build()));
        bridge.on("qr.image", r -> record("qr.image", r, Json.createObjectBuilder()
                .add("png", TestImages.qrLikePngDataUri()).build()));
        for (String type : new String[] {"automation.get", "automation.save", "automation.enable", "automation.delete",
                "automation.hours"}) {
            bridge.on(type, r -> record(type, r, automation()));
        }
        for (String type : new String[] {"followups.list", "followups.done"}) {
            bridge.on(type, r -> record(type, r, Json.createObjectBuilder().add("tasks", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("id", "t1").add("conversationId", C1).add("customer", "王女士")
                            .add("summary", "王女士想预订周六下午 6 人包间，请回电确认").add("createdAt", today("10:05:00"))))
                    .build()));
        }
        bridge.on("knowledge.list", r -> Json.createObjectBuilder().add("loading", false).add("size", 3)
                .add("documents", Json.createArrayBuilder()
                        .add(document("d1", "价目表.pdf", "PDF", 2)).add(document("faq", "常见问题", "CSV", 1))
                        .add(document("builtin-faq", "默认常见问题", "BUILT_IN_FAQ", 7)))
                .add("entries", Json.createArrayBuilder()
                        .add(entry("e1", "营业时间", "本店营业时间为每天 9:00–21:00，节假日照常营业。", "FAQ · 第 1 行"))
                        .add(entry("e2", "", "美式 18 元，拿铁 22 元，手冲 28 元起；会员享 9 折。", "价目表.pdf · 第 1 页"))
                        .add(entry("e3", "", "<b>招牌</b>：燕麦拿铁 26 元，可选低因。", "价目表.pdf · 第 2 页"))).build());
        bridge.on("knowledge.search", r -> record("knowledge.search", r, Json.createObjectBuilder()
                .add("hits", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("entryId", "e3")
                                .add("text", "<b>招牌</b>：燕麦拿铁 26 元，可选低因。季节限定：冬季供应热红酒风味拿铁，售完即止。")
                                .add("passage", "<b>招牌</b>：燕麦拿铁 26 元，可选低因。")
                                .add("source", "价目表.pdf · 第 2 页").add("score", 0.82).add("confident", true))
                        .add(Json.createObjectBuilder().add("entryId", "e2").add("text", "美式 18 元，拿铁 22 元。")
                                .add("source", "价目表.pdf · 第 1 页").add("score", 0.41).add("confident", false)))
                .build()));
        for (String type : new String[] {"knowledge.pick", "knowledge.add", "knowledge.edit", "knowledge.delete",
                "knowledge.deleteDocument"}) {
            bridge.on(type, r -> record(type, r, Json.createObjectBuilder().add("id", "e9").add("documentId", "manual")
                    .add("question", "").add("text", "x").add("source", "手动").build()));
        }
        bridge.on("conversations.unanswered", r -> record("conversations.unanswered", r, Json.createObjectBuilder()
                .add("questions", C2.equals(r.getString("conversationId", "")) ? Json.createArrayBuilder()
                        .add(unanswered("u1", C2, 1, "你们招聘店员吗？", "10:20:00", "", 1)) : Json.createArrayBuilder())
                .build()));
        bridge.on("knowledge.unanswered", r -> Json.createObjectBuilder().add("questions", Json.createArrayBuilder()
                .add(unanswered("u2", C3, 2, "能开发票吗", "10:40:00", "可以开电子发票，请留下抬头和税号。", 3))
                .add(unanswered("u1", C2, 1, "你们招聘店员吗？", "10:20:00", "", 1))).build());
        bridge.on("knowledge.dismissUnanswered", r -> record("knowledge.dismissUnanswered", r,
                Json.createObjectBuilder().build()));
        bridge.on("settings.get", r -> Json.createObjectBuilder().add("serverUrl", "https://alpha01.example.cn")
                .add("deviceName", "前台电脑").add("capacity", 20).add("language", "zh-CN")
                .add("zhipuModel", "glm-4-air").add("zhipuBaseUrl", "https://open.bigmodel.cn/api/paas/v4/")
                .add("zhipuKeySet", true).add("zhipuKeyHint", "9f2c").add("account", "李小梅 (demo-staff)")
                .add("dailyTokens", 200000).add("shopTone", "亲切、简洁").add("shopFacts", "周一至周日 9:00–21:00\n支持微信、支付宝")
                .add("ordersCsv", "").add("tokensToday", Json.createObjectBuilder().add("used", 15320).add("limit", 200000))
                .build());
        bridge.on("system.status", r -> Json.createObjectBuilder().add("state", "online")
                .add("server", "https://alpha01.example.cn").add("rttMs", 23).add("outbox", 0).add("storeKey", "os-keystore")
                .add("memory", Json.createObjectBuilder().add("appMb", 182).add("totalMb", 356))
                .add("cpuPercent", 1.4).add("uptimeSeconds", 3 * 3600 + 25 * 60).add("version", "0.1.0")
                .add("chromium", "146.0.7680.0").add("tokens", Json.createObjectBuilder().add("used", 15320).add("limit", 200000))
                .add("update", Json.createObjectBuilder().add("checked", true)
                        .add("available", true).add("required", false).add("latest", "0.2.0").add("downloadUrl", ""))
                .build());
    }

    /** The next request of {@code type} the page made, waiting up to 20 s; null if none came. */
    JsonObject next(String type) throws InterruptedException {
        return queue(type).poll(20, TimeUnit.SECONDS);
    }

    private BlockingQueue<JsonObject> queue(String type) {
        return requests.computeIfAbsent(type, k -> new LinkedBlockingQueue<>());
    }

    private JsonObject record(String type, JsonObject request, JsonObject answer) {
        queue(type).add(request);
        return answer;
    }

    static JsonObject snapshot() {
        JsonArrayBuilder messages = Json.createArrayBuilder()
                .add(message(C1, 1, "CUSTOMER", "你好，请问今天营业到几点？", "10:00:00", null))
                .add(message(C1, 2, "BOT", "您好！我们今天营业到晚上 9 点，欢迎光临。", "10:00:05", 1))
                .add(message(C1, 3, "CUSTOMER", "可以外带吗？有没有燕麦拿铁？", "10:02:00", null));
        return Json.createObjectBuilder()
                .add("status", Json.createObjectBuilder().add("state", "online").add("server", "https://alpha01.example.cn")
                        .add("merchantName", "阿尔法咖啡 · 示范店").add("staffName", "李小梅")
                        .add("clientId", "c7f3a1e2-19ab-4e21-9c1d-5b7f0e6a2d10").add("rttMs", 23))
                .add("conversations", Json.createArrayBuilder().add(Json.createObjectBuilder(
                        conversation(C1, "王女士", "BOT", "")).add("messages", messages)))
                .add("qr", Json.createObjectBuilder().add("url", "https://alpha01.example.cn/q/AbC")
                        .add("png", TestImages.qrLikePngDataUri()))
                .add("stats", Json.createObjectBuilder().add("conversations", 42).add("customerMessages", 131)
                        .add("answered", 120).add("answeredByBot", 103).add("aiAnswerRate", 0.858)
                        .add("waitingForStaff", 2).add("openConversations", 6))
                .add("lang", "zh-CN")
                .build();
    }

    static JsonObject conversation(String id, String customer, String state, String by) {
        return Json.createObjectBuilder().add("conversationId", id).add("customer", customer).add("state", state)
                .add("by", by).add("needsStaff", false).add("updatedAt", today("10:02:00")).build();
    }

    static JsonObject message(String conversationId, int seq, String sender, String text, String time, Integer inReplyTo) {
        var m = Json.createObjectBuilder().add("conversationId", conversationId).add("seq", seq).add("sender", sender)
                .add("text", text).add("at", today(time));
        if (inReplyTo != null) {
            m.add("inReplyTo", inReplyTo);
        }
        return m.build();
    }

    /** An instant today (UTC date) at the given time, so that "today" figures count it. */
    static String today(String time) {
        return Instant.now().toString().substring(0, 11) + time + "Z";
    }

    private static JsonObject code(String id, String label, String scene, String status, int scans, int chats, String url) {
        var o = Json.createObjectBuilder().add("id", id).add("label", label).add("scene", scene).add("status", status)
                .add("createdAt", today("08:30:00")).add("uses", scans)
                .add("funnel", Json.createObjectBuilder().add("scans", scans).add("conversationStarted", chats));
        if (url != null) {
            o.add("url", url);
        }
        return o.build();
    }

    private static JsonObject automation() {
        return Json.createObjectBuilder()
                .add("hours", Json.createObjectBuilder().add("open", "09:00").add("close", "21:00"))
                .add("rules", Json.createArrayBuilder()
                        .add(rule("greeting", "新会话问候", false, "NEW_CONVERSATION", "", "REPLY", "您好，欢迎光临！"))
                        .add(rule("after-hours", "非营业时间提示", true, "AFTER_HOURS", "", "REPLY", "现在是非营业时间，店员上班后回复您。"))
                        .add(rule("parking", "停车", true, "KEYWORD", "停车|车位", "REPLY", "店门口有 6 个免费车位。"))
                        .add(rule("invoice", "发票咨询转人工", true, "KEYWORD", "发票|开票", "HAND_OFF", ""))
                        .add(rule("daily-summary", "每日小结", true, "SCHEDULE", "30 21 * * *", "DAILY_SUMMARY", "")))
                .add("log", Json.createArrayBuilder()
                        .add(execution("10:02:00", "parking", "停车", "OK", 1, ""))
                        .add(execution("09:40:00", "invoice", "发票咨询转人工", "RETRYING", 1, "offline"))
                        .add(execution("09:41:00", "invoice", "发票咨询转人工", "OK", 2, "")))
                .build();
    }

    private static JsonObject rule(String id, String name, boolean enabled, String trigger, String match, String action,
            String text) {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("enabled", enabled).add("trigger", trigger)
                .add("match", match).add("action", action).add("text", text).build();
    }

    private static JsonObject execution(String time, String ruleId, String name, String outcome, int attempt,
                                        String detail) {
        return Json.createObjectBuilder().add("at", today(time)).add("ruleId", ruleId).add("ruleName", name)
                .add("conversationId", "").add("outcome", outcome).add("attempt", attempt).add("detail", detail).build();
    }

    private static JsonObject entry(String id, String question, String text, String source) {
        return Json.createObjectBuilder().add("id", id).add("documentId", "d1").add("question", question).add("text", text)
                .add("source", source).build();
    }

    /** A question the assistant handed over, as 会话 and 知识库 get it. */
    private static JsonObject unanswered(String id, String conversationId, int seq, String text, String time,
            String answer, int count) {
        return Json.createObjectBuilder().add("id", id).add("conversationId", conversationId).add("seq", seq)
                .add("text", text).add("at", today(time)).add("answer", answer).add("count", count).build();
    }

    private static JsonObject document(String id, String name, String kind, int entries) {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("kind", kind).add("entries", entries)
                .add("importedAt", today("09:12:00")).build();
    }

}
