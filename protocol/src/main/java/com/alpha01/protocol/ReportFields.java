package com.alpha01.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The fields of a client's {@code report} frame ({@link Frame.Report}) on the wire, for {@link FrameCodec}. */
final class ReportFields {

    private ReportFields() {
    }

    static void encode(Frame.Report f, JsonObjectBuilder b) {
        b.add("aiAnswers", f.aiAnswers()).add("staffAnswers", f.staffAnswers()).add("handOffs", f.handOffs())
                .add("modelErrors", f.modelErrors()).add("automationRuns", f.automationRuns())
                .add("automationFailures", f.automationFailures());
        if (f.aiAnswerP50Ms() >= 0) {
            b.add("aiAnswerP50Ms", f.aiAnswerP50Ms());
        }
        if (f.aiAnswerP90Ms() >= 0) {
            b.add("aiAnswerP90Ms", f.aiAnswerP90Ms());
        }
    }

    /** A client's report: every count 0 … {@link Frame.Report#MAX_COUNT}, answer times absent or 0 … an hour. */
    static Frame.Report decode(JsonObject o, String ref) throws ProtocolException {
        long runs = count(o, "automationRuns", ref);
        long failures = count(o, "automationFailures", ref);
        if (failures > runs) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'automationFailures' exceeds 'automationRuns'", ref);
        }
        return new Frame.Report(count(o, "aiAnswers", ref), count(o, "staffAnswers", ref), count(o, "handOffs", ref),
                count(o, "modelErrors", ref), runs, failures, answerMs(o, "aiAnswerP50Ms", ref),
                answerMs(o, "aiAnswerP90Ms", ref));
    }

    private static long count(JsonObject o, String field, String ref) throws ProtocolException {
        long value = FrameCodec.number(o, field, ref);
        if (value < 0 || value > Frame.Report.MAX_COUNT) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'" + field + "' must be 0 to " + Frame.Report.MAX_COUNT, ref);
        }
        return value;
    }

    private static long answerMs(JsonObject o, String field, String ref) throws ProtocolException {
        if (!o.containsKey(field) || o.isNull(field)) {
            return -1;
        }
        long value = FrameCodec.number(o, field, ref);
        if (value < 0 || value > Frame.Report.MAX_ANSWER_MS) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'" + field + "' must be 0 to " + Frame.Report.MAX_ANSWER_MS, ref);
        }
        return value;
    }
}
