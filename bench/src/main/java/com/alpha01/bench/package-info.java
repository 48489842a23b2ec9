/**
 * Benchmarks run by hand (they write docs/bench/knowledge-base.md and its PNG charts beside it; docs/benchmarks.md is the index): the knowledge base at
 * 40 to 100,000 entries and the assistant's offline answer and time to first token; CI runs only their smoke tests.
 */
package com.alpha01.bench;
