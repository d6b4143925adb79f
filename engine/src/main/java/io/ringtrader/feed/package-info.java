/**
 * The Coinbase market-data feed: a Netty WebSocket client ({@link io.ringtrader.feed.FeedClient}) whose single
 * I/O thread is the ring's only producer. Frames are decoded by an allocation-free flyweight JSON cursor straight
 * into ring slots (Advanced Trade or Exchange protocol); trades are ordered oldest first, de-duplicated by
 * (product, trade id) in bounded memory, and checked for gaps (sequence_num, trade id, heartbeat last_trade_id).
 * Bad input is rejected and counted by {@link io.ringtrader.feed.RejectReason}; counters live in
 * {@link io.ringtrader.feed.FeedStats}.
 */
package io.ringtrader.feed;
