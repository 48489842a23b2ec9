package com.alpha01.it;

import com.alpha01.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One fault of the fault suite and what happened to the questions asked while it was injected: the
 * customers' side (asked, acknowledged, refused for now, answers shown, shown twice, copies resent)
 * while it runs, the stored side (PostgreSQL) when its questions have settled.
 */
final class FaultWindow {

    final String fault;
    final String injected;
    private final String prefix;
    final AtomicLong asked = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong resentCopies = new AtomicLong();
    final Map<ErrorCode, Integer> refusals = new ConcurrentHashMap<>();
    final Map<String, Integer> otherErrors = new ConcurrentHashMap<>();
    final Map<Integer, Integer> closes = new ConcurrentHashMap<>();
    /** What the fault's own checks saw (e.g. "paging started on node B"), in order. */
    final List<String> observed = new ArrayList<>();
    long seconds;
    long acknowledged;
    long unacknowledged;
    long stored;
    long storedIds;
    long delivered;
    long answersStored;
    long questionsAnswered;
    long shown;
    long shownTwice;
    long lost;

    FaultWindow(String run, int index, String fault, String injected) {
        this.fault = fault;
        this.injected = injected;
        this.prefix = "f" + run + "-" + index + "-";
    }

    /** Every question id of this window starts so (and no other window's does). */
    String prefix() {
        return prefix;
    }

    synchronized void observe(String what) {
        observed.add(what);
    }

    /** Acknowledged, stored once, handed to a merchant client, answered once, and that answer shown once. */
    boolean whole() {
        return unacknowledged == 0 && lost == 0 && shownTwice == 0 && stored == acknowledged && storedIds == stored
                && delivered == stored && answersStored == questionsAnswered && questionsAnswered == stored
                && otherErrors.isEmpty();
    }

    /** Duplicates of any kind: stored twice, answered twice, two answers shown for one question. */
    long duplicated() {
        return (stored - storedIds) + (answersStored - questionsAnswered) + shownTwice;
    }

    String refusalsText() {
        return refusals.isEmpty() ? "–" : new TreeMap<>(refusals).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    String closesText() {
        return closes.isEmpty() ? "–" : new TreeMap<>(closes).entrySet().stream()
                .map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return String.format("%s: asked %d, acknowledged %d (unacknowledged %d), stored %d (ids %d), delivered %d, "
                        + "answered %d (answers %d), shown %d, shown twice %d, lost %d; refused for now %s; closes %s; "
                        + "reconnects %d; copies resent %d; other errors %s; %s",
                fault, asked.get(), acknowledged, unacknowledged, stored, storedIds, delivered, questionsAnswered,
                answersStored, shown, shownTwice, lost, refusalsText(), closesText(), reconnects.get(),
                resentCopies.get(), otherErrors, observed);
    }
}
