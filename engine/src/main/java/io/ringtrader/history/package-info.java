/**
 * History from Coinbase's public REST candles endpoint into the candle archive ({@code download}): paged, paced
 * requests with back-off, decoding of the documented response, and a merge that fills only missing (or, when
 * repairing, incomplete) minutes and never overwrites a candle built from trades. Runs off the ring, on the
 * calling thread.
 */
package io.ringtrader.history;
