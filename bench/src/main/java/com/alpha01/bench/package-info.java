/**
 * Benchmarks run by hand (they write docs/benchmarks.md and its PNG charts in docs/bench/): the knowledge base at
 * 40 to 100,000 entries and the assistant's offline answer and time to first token; CI runs only their smoke tests.
 */
package com.alpha01.bench;
