/** Benchmarks run by hand (they write docs/benchmarks.md); CI runs only their smoke tests. */
package com.alpha01.bench;
