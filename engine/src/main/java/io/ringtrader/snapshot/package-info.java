/**
 * Snapshots: every stage's state copied on the ring thread at an exchange-time boundary, written atomically with a
 * checksum on a background thread, and put back into a fresh stage chain so a replay (and later recovery) pushes
 * only the journal after it.
 */
package io.ringtrader.snapshot;
