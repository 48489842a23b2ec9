package com.alpha01.server.merchant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A merchant client's latest {@link ClientActivity}, and when it came. */
@Entity
@Table(name = "client_report")
public class ClientReport {

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "ai_answers", nullable = false)
    private long aiAnswers;

    @Column(name = "staff_answers", nullable = false)
    private long staffAnswers;

    @Column(name = "hand_offs", nullable = false)
    private long handOffs;

    @Column(name = "model_errors", nullable = false)
    private long modelErrors;

    @Column(name = "automation_runs", nullable = false)
    private long automationRuns;

    @Column(name = "automation_failures", nullable = false)
    private long automationFailures;

    @Column(name = "ai_answer_p50_ms")
    private Integer aiAnswerP50Ms;

    @Column(name = "ai_answer_p90_ms")
    private Integer aiAnswerP90Ms;

    protected ClientReport() {
    }

    /** Takes {@code activity} as the latest; returns how much each count grew since the one before. */
    public ClientActivity replaceWith(ClientActivity activity, Instant now) {
        ClientActivity growth = activity.since(activity());
        aiAnswers = activity.aiAnswers();
        staffAnswers = activity.staffAnswers();
        handOffs = activity.handOffs();
        modelErrors = activity.modelErrors();
        automationRuns = activity.automationRuns();
        automationFailures = activity.automationFailures();
        aiAnswerP50Ms = activity.aiAnswerP50Ms() < 0 ? null : (int) activity.aiAnswerP50Ms();
        aiAnswerP90Ms = activity.aiAnswerP90Ms() < 0 ? null : (int) activity.aiAnswerP90Ms();
        reportedAt = now;
        return growth;
    }

    public ClientActivity activity() {
        return new ClientActivity(aiAnswers, staffAnswers, handOffs, modelErrors, automationRuns, automationFailures,
                aiAnswerP50Ms == null ? -1 : aiAnswerP50Ms, aiAnswerP90Ms == null ? -1 : aiAnswerP90Ms);
    }

    public UUID clientId() {
        return clientId;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
