package com.alpha01.it;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The bad-input suite's frames, generated (a fixed seed: the same cases every run), each with its documented answer. */
final class BadFrames {

    /** One frame as sent, the class it belongs to, and the error code docs/protocol.md gives it (null: stored). */
    record Case(String inputClass, String frame, ErrorCode expected) {
    }

    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private BadFrames() {
    }

    /** Cases a merchant client's socket answers the same way a customer's would, written as a client's frames. */
    static List<Case> common(String conv) {
        Random random = new Random(15);
        List<Case> cases = new ArrayList<>();
        String valid = FrameCodec.encode(new Frame.Reply("trunc-000001", conv, "你好，欢迎光临", Frame.Sender.STAFF));
        for (int cut = 1; cut < valid.length(); cut++) {
            cases.add(new Case("malformed JSON (truncated)", valid.substring(0, cut), ErrorCode.BAD_FRAME));
        }
        for (int i = 0; i < 150; i++) {
            cases.add(new Case("malformed JSON (garbage)", garbage(random, 1 + random.nextInt(200)), ErrorCode.BAD_FRAME));
        }
        for (String notObject : new String[] {"[]", "1", "\"reply\"", "true", "null", "[{\"type\":\"reply\"}]", "{}"}) {
            cases.add(new Case("not a frame object", notObject, ErrorCode.BAD_FRAME));
        }
        for (int i = 0; i < 80; i++) {
            cases.add(new Case("unknown frame type", "{\"type\":\"" + word(random, 1 + random.nextInt(20)) + "x\"}",
                    ErrorCode.UNKNOWN_TYPE));
        }
        for (String type : new String[] {"REPLY", "Reply", "reply ", " reply", "reply\\u0000", "send", "ack"}) {
            cases.add(new Case("unknown or misplaced frame type", "{\"type\":\"" + type + "\",\"conversationId\":\"" + conv
                    + "\",\"id\":\"misplaced-01\",\"text\":\"x\",\"seq\":1}", ErrorCode.UNKNOWN_TYPE));
        }
        for (String type : new String[] {"1", "null", "[\"reply\"]", "{\"t\":1}"}) {
            cases.add(new Case("type of the wrong kind", "{\"type\":" + type + "}", ErrorCode.BAD_FRAME));
        }
        for (String id : badIds()) {
            cases.add(new Case("sender id outside its rules", reply(id, "\"" + conv + "\"", "\"好\""), ErrorCode.BAD_FRAME));
        }
        for (String c : new String[] {"\"\"", "\"not-a-uuid\"", "\"1 OR 1=1\"", "\"" + conv + "0\"", "12", "null",
                "[\"" + conv + "\"]", "\"../../etc/passwd\"", "\"" + conv.toUpperCase().replace('-', '_') + "\""}) {
            cases.add(new Case("conversation id malformed", reply("convbad-0001", c, "\"好\""), ErrorCode.BAD_FRAME));
        }
        for (int i = 0; i < 10; i++) {
            cases.add(new Case("another or unknown conversation", reply("unknown-" + i + "-0001",
                    "\"" + UUID.randomUUID() + "\"", "\"好\""), ErrorCode.NOT_FOUND));
        }
        for (String text : new String[] {"\"\"", "\"   \"", "\"\\n\\t \"", "\"" + "长".repeat(4001) + "\"",
                "\"" + "x".repeat(10_000) + "\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff tail\"", "\"\\ud83d\\ud83d\""}) {
            cases.add(new Case("text outside its rules", reply("text-bad-0001", "\"" + conv + "\"", text), ErrorCode.BAD_TEXT));
        }
        for (String text : new String[] {"1", "[\"a\"]", "{\"t\":\"a\"}", "null", "true"}) {
            cases.add(new Case("text of the wrong kind", reply("text-kind-0001", "\"" + conv + "\"", text), ErrorCode.BAD_FRAME));
        }
        for (String sender : new String[] {"\"ADMIN\"", "\"bot \"", "\"\"", "1", "[\"BOT\"]"}) {
            cases.add(new Case("sender outside its values", "{\"type\":\"reply\",\"id\":\"sender-0001\",\"conversationId\":\""
                    + conv + "\",\"text\":\"好\",\"sender\":" + sender + "}", ErrorCode.BAD_FRAME));
        }
        for (int depth = 9; depth <= 40; depth++) {
            cases.add(new Case("JSON nested deeper than 8", "{\"type\":\"ping\",\"nonce\":1,\"x\":" + "[".repeat(depth)
                    + "]".repeat(depth) + "}", ErrorCode.BAD_FRAME));
        }
        for (String type : new String[] {"delivered", "read", "resume"}) {
            String seqField = type.equals("resume") ? "lastSeq" : "seq";
            for (int i = 0; i < 8; i++) {
                cases.add(new Case("another or unknown conversation", "{\"type\":\"" + type + "\",\"conversationId\":\""
                        + UUID.randomUUID() + "\",\"" + seqField + "\":1}", ErrorCode.NOT_FOUND));
            }
            for (String seq : new String[] {"\"1\"", "-1", "1.5", "1e400", "null"}) {
                cases.add(new Case("number outside its rules", "{\"type\":\"" + type + "\",\"conversationId\":\"" + conv
                        + "\",\"" + seqField + "\":" + seq + "}", ErrorCode.BAD_FRAME));
            }
        }
        for (String nonce : new String[] {"\"1\"", "1.5", "1e400", "null", "[1]"}) {
            cases.add(new Case("number outside its rules", "{\"type\":\"ping\",\"nonce\":" + nonce + "}", ErrorCode.BAD_FRAME));
        }
        return cases;
    }

    /** What only a merchant client sends: answers, drafts and takeovers aimed at conversations it cannot see. */
    static List<Case> forClient(String conv, String other, long question) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(new Case("another or unknown conversation", FrameCodec.encode(new Frame.Reply("other-" + i + "-0001",
                    UUID.randomUUID().toString(), "别家的回答", Frame.Sender.BOT)), ErrorCode.NOT_FOUND));
        }
        for (String type : new String[] {"takeover", "handback", "close"}) {
            for (int i = 0; i < 4; i++) {
                cases.add(new Case("another or unknown conversation", "{\"type\":\"" + type + "\",\"conversationId\":\""
                        + UUID.randomUUID() + "\"}", ErrorCode.NOT_FOUND));
            }
            for (String c : new String[] {"\"x\"", "1", "null"}) {
                cases.add(new Case("conversation id malformed", "{\"type\":\"" + type + "\",\"conversationId\":" + c + "}",
                        ErrorCode.BAD_FRAME));
            }
        }
        for (String inReplyTo : new String[] {"0", "-1", "999999999", "\"1\"", "1.5"}) {
            cases.add(new Case("draft outside its rules", "{\"type\":\"draft\",\"conversationId\":\"" + conv
                    + "\",\"inReplyTo\":" + inReplyTo + ",\"text\":\"正在\"}", ErrorCode.BAD_FRAME));
        }
        cases.add(new Case("text outside its rules", "{\"type\":\"draft\",\"conversationId\":\"" + conv
                + "\",\"inReplyTo\":" + question + ",\"text\":\"\"}", ErrorCode.BAD_TEXT));
        cases.add(new Case("frame of the other side", FrameCodec.encode(new Frame.Send("client-send-01", "我是顾客")),
                ErrorCode.UNKNOWN_TYPE));
        cases.add(new Case("another or unknown conversation", FrameCodec.encode(new Frame.Reply("other-x-0001", other,
                "x", Frame.Sender.STAFF)), ErrorCode.NOT_FOUND));
        return cases;
    }

    /** A customer tab's cases: fewer (a tab's rate is 20 frames at once), the same classes. */
    static List<Case> forCustomer(String ownConv, String someoneElses) {
        List<Case> cases = new ArrayList<>();
        String valid = FrameCodec.encode(new Frame.Send("cust-trunc-01", "请问营业时间"));
        for (int cut = 3; cut < valid.length(); cut += 5) {
            cases.add(new Case("malformed JSON (truncated)", valid.substring(0, cut), ErrorCode.BAD_FRAME));
        }
        for (String notObject : new String[] {"[]", "null", "\"send\"", "<xml/>"}) {
            cases.add(new Case("not a frame object", notObject, ErrorCode.BAD_FRAME));
        }
        for (String type : new String[] {"reply", "draft", "takeover", "handback", "close", "sendx"}) {
            cases.add(new Case("frame of the other side", "{\"type\":\"" + type + "\",\"conversationId\":\"" + ownConv
                    + "\",\"id\":\"cust-type-01\",\"text\":\"x\",\"inReplyTo\":1}", ErrorCode.UNKNOWN_TYPE));
        }
        for (String id : new String[] {"short", "x".repeat(65), "has space 1", "中文标识符中文标识"}) {
            cases.add(new Case("sender id outside its rules", "{\"type\":\"send\",\"id\":\"" + id + "\",\"text\":\"好\"}",
                    ErrorCode.BAD_FRAME));
        }
        for (String text : new String[] {"\"\"", "\"" + "长".repeat(4001) + "\"", "\"a\\u0000b\"", "\"\\ud800\""}) {
            cases.add(new Case("text outside its rules", "{\"type\":\"send\",\"id\":\"cust-text-01\",\"text\":" + text + "}",
                    ErrorCode.BAD_TEXT));
        }
        for (String type : new String[] {"delivered", "read", "resume"}) {
            String seqField = type.equals("resume") ? "lastSeq" : "seq";
            cases.add(new Case("another or unknown conversation", "{\"type\":\"" + type + "\",\"conversationId\":\""
                    + someoneElses + "\",\"" + seqField + "\":1}", ErrorCode.NOT_FOUND));
        }
        for (int depth : new int[] {9, 20, 64}) {
            cases.add(new Case("JSON nested deeper than 8", "{\"type\":\"ping\",\"nonce\":1,\"x\":" + "{\"a\":".repeat(depth)
                    + "1" + "}".repeat(depth) + "}", ErrorCode.BAD_FRAME));
        }
        return cases;
    }

    /** Texts that are odd but valid: stored and shown exactly as sent. (Each case's {@code frame} is the text.) */
    static List<Case> keptTexts() {
        List<Case> cases = new ArrayList<>();
        for (String xss : new String[] {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
                "javascript:alert(document.cookie)", "{{7*7}} ${7*7} #{7*7}", "<a href=\"http://evil.example\">点我</a>"}) {
            cases.add(new Case("XSS payload kept as text", xss, null));
        }
        for (String sql : new String[] {"'; drop table chat_message; --", "1' OR '1'='1", "\\'; select pg_sleep(5); --",
                "\" UNION SELECT token FROM qr_code --"}) {
            cases.add(new Case("SQL injection payload kept as text", sql, null));
        }
        for (String unicode : new String[] {"👩‍👩‍👧‍👦🇨🇳☕", "مرحبا بالعالم", "\u202Egnp.exe", "e\u0301\u0301\u0301 Z̷̢a̸l̵g̶o",
                "𠀀𠀁𪚥", "\uFEFF带字节序标记", "零\u200B宽", "响铃\u0007", "第一行\n第二行\r\n", "长".repeat(4000)}) {
            cases.add(new Case("Unicode edge case kept as text", unicode, null));
        }
        return cases;
    }

    private static String reply(String id, String conversationJson, String textJson) {
        return "{\"type\":\"reply\",\"id\":\"" + id + "\",\"conversationId\":" + conversationJson + ",\"text\":" + textJson
                + ",\"sender\":\"STAFF\"}";
    }

    private static List<String> badIds() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            ids.add("a".repeat(n));
        }
        for (int n = 65; n <= 70; n++) {
            ids.add("b".repeat(n));
        }
        ids.add("has space x");
        ids.add("中文标识符中文标识");
        ids.add("abc$%^&*xyz");
        ids.add("..%2F..%2Fetc");
        ids.add("<script>x</script>");
        ids.add("tab\\tinside1");
        return ids;
    }

    private static String garbage(Random random, int length) {
        StringBuilder s = new StringBuilder();
        String alphabet = "{}[]\":,\\ abcXYZ0123456789中文-_.!@#$%^&*()<>/\n\t";
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String text = s.toString();
        return text.isBlank() || text.startsWith("{\"type\":\"ping\"") ? "{" + text : text;
    }

    private static String word(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return s.toString();
    }
}
