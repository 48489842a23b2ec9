package com.alpha01.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fault suite's table: one row per fault, what the customers and PostgreSQL say of the questions
 * asked while it was injected. {@code -Dreliability.out} (a folder; {@code bench/run faults} points it at
 * {@code docs/reliability/}) or {@code target/reliability/}: {@code faults.md}.
 */
final class FaultReport {

    private FaultReport() {
    }

    static void write(List<FaultWindow> windows, int customers, double rate, Duration window) throws IOException {
        StringBuilder md = new StringBuilder("## Fault suite\n\nRun ").append(Instant.now()).append(" (")
                .append(System.getProperty("bench.command", "the ITs")).append("): ").append(customers)
                .append(" customers (half on each node of the two-node cluster) asking ").append(rate)
                .append(" question/s each, two merchant clients of the shop in JVMs of their own (client 1 on node A, ")
                .append("client 2 on node B, each through a TCP proxy; network faults and the kill hit the one holding ")
                .append("the conversations); each fault injected a quarter into a window of at least ")
                .append(window.toSeconds()).append(" s of traffic, then the window's questions settle and are counted.\n\n")
                .append("Asked: questions the customers wrote; acknowledged: their `ack` came (a refused one is sent again ")
                .append("with its id, as the chat page does); stored: rows in PostgreSQL (ids: distinct ids); delivered: ")
                .append("handed to a merchant client; answered: questions with a stored answer (answers: all answer rows); ")
                .append("shown: questions whose answer reached the customer; shown twice: two different answers to one ")
                .append("question; lost: acknowledged questions whose answer never reached the customer.\n\n")
                .append("| Fault | What was done | Traffic s | Asked | Acknowledged | Stored (ids) | Delivered | ")
                .append("Answered (answers) | Shown | Shown twice | Lost | Refused for now | Sockets closed | What the suite saw |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        long asked = 0;
        long acked = 0;
        long stored = 0;
        long answers = 0;
        long lost = 0;
        long duplicated = 0;
        for (FaultWindow w : windows) {
            md.append("| ").append(w.fault).append(" | ").append(w.injected).append(" | ").append(w.seconds)
                    .append(" | ").append(w.asked.get()).append(" | ").append(w.acknowledged)
                    .append(" | ").append(w.stored).append(" (").append(w.storedIds).append(")")
                    .append(" | ").append(w.delivered)
                    .append(" | ").append(w.questionsAnswered).append(" (").append(w.answersStored).append(")")
                    .append(" | ").append(w.shown).append(" | ").append(w.shownTwice).append(" | ").append(w.lost)
                    .append(" | ").append(w.refusalsText()).append(" | ").append(w.closesText())
                    .append(" | ").append(String.join("; ", w.observed))
                    .append(w.otherErrors.isEmpty() ? "" : "; other errors " + w.otherErrors)
                    .append(w.reconnects.get() > 0 ? "; customer reconnects " + w.reconnects.get() : "")
                    .append(w.resentCopies.get() > 0 ? "; answer copies resent (shown once) " + w.resentCopies.get() : "")
                    .append(" |\n");
            asked += w.asked.get();
            acked += w.acknowledged;
            stored += w.stored;
            answers += w.answersStored;
            lost += w.lost + w.unacknowledged;
            duplicated += w.duplicated();
        }
        md.append("\n**All faults: ").append(asked).append(" questions asked, ").append(acked).append(" acknowledged, ")
                .append(stored).append(" stored, ").append(answers).append(" answers stored (")
                .append(stored + answers).append(" messages); ").append(lost).append(" lost, ").append(duplicated)
                .append(" duplicated.**\n");
        String out = System.getProperty("reliability.out");
        Path dir = out == null || out.isBlank() ? Path.of("target", "reliability") : Path.of(out);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("faults.md"), md.toString(), StandardCharsets.UTF_8);
    }
}
