package io.ringtrader.portfolio;

import io.ringtrader.event.WideMath;
import io.ringtrader.config.OrderConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.OrderUpdate;
import io.ringtrader.event.Quote;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.event.TimeInForce;
import io.ringtrader.order.Order;
import io.ringtrader.order.OrderBook;
import io.ringtrader.order.PaperMatcher;
import io.ringtrader.order.QuoteBook;
import io.ringtrader.risk.RiskReason;
import io.ringtrader.strategy.indicator.Atr;

/**
 * The order manager: turns targets into orders, matches open orders trade by trade with the {@link PaperMatcher},
 * settles fills through the {@link PaperBroker}, and keeps every position protected. Each entry fill arms (or
 * re-arms, cancel and replace) the position's exits: a stop-loss, a take-profit limit and a trailing stop, one
 * cancels the others; a maximum holding time sells at market. Every state change is written to the event's
 * {@link MarketEvent#orders} batch (and so journaled), every fill to {@link MarketEvent#fills}. Allocation-free;
 * single-threaded (the risk/portfolio stage). Call {@link #begin} before and {@link #end} after each event.
 */
public final class OrderManager {
    private static final long BPS_E8 = 10_000L;
    private static final long NANOS_PER_MS = 1_000_000L;

    private final Instruments instruments;
    private final Portfolio portfolio;
    private final PaperBroker broker;
    private final OrderBook book;
    private final PaperMatcher matcher;
    private final QuoteBook quotes;
    private final PortfolioOutbox outbox;
    private final boolean limitEntries;
    private final long entryOffsetE8;
    private final long entryTimeoutNs;
    private final long latencyNs;
    private final long bandE8;
    private final long minNotionalE8;
    private final long stopPctE8;
    private final long takeProfitPctE8;
    private final long trailPctE8;
    private final double stopAtr;
    private final double takeProfitAtr;
    private final double trailAtr;
    private final long maxHoldNs;
    private final double costMultiple;
    private final long cooldownNs;
    private final long minHoldNs;
    private final Atr[] atr;
    private final Fill scratch = new Fill();
    private final long[] ordersByState = new long[OrderState.COUNT];
    private final long[] exitsByKind = new long[ExitReason.COUNT];
    private MarketEvent event;
    /** {@link #onTime} has nothing to do before this exchange time while the book shows {@link #timedChanges}. */
    private long quietUntilNs = Long.MIN_VALUE;
    private long timedChanges = -1;
    private long fillCount;
    private long batchFull;
    private long outboxDropped;

    /** An order manager trading {@code portfolio} with the orders in {@code book} (fresh or restored). */
    public OrderManager(OrderConfig config, Instruments instruments, Portfolio portfolio, PaperBroker broker,
                        OrderBook book, PortfolioOutbox outbox) {
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.broker = broker;
        this.book = book;
        this.outbox = outbox;
        this.matcher = new PaperMatcher(broker.slippageE8());
        this.quotes = new QuoteBook(instruments.size());
        this.limitEntries = config.limitEntries();
        this.entryOffsetE8 = Math.round(config.entryOffsetBps() * BPS_E8);
        this.entryTimeoutNs = config.entryTimeoutSeconds() * 1_000 * NANOS_PER_MS;
        this.latencyNs = config.latencyMs() * NANOS_PER_MS;
        this.bandE8 = FixedPoint.fromDouble(config.rebalanceBand());
        this.minNotionalE8 = FixedPoint.fromDouble(config.minRebalanceNotional());
        this.stopPctE8 = FixedPoint.fromDouble(config.stopLossPct());
        this.takeProfitPctE8 = FixedPoint.fromDouble(config.takeProfitPct());
        this.trailPctE8 = FixedPoint.fromDouble(config.trailingStopPct());
        this.stopAtr = config.stopLossAtr();
        this.takeProfitAtr = config.takeProfitAtr();
        this.trailAtr = config.trailingStopAtr();
        this.maxHoldNs = (long) (config.maxHoldHours() * 3_600e9);
        this.costMultiple = config.costMultiple();
        this.cooldownNs = config.cooldownMinutes() * 60_000 * NANOS_PER_MS;
        this.minHoldNs = config.minHoldMinutes() * 60_000 * NANOS_PER_MS;
        this.atr = new Atr[instruments.size()];
        for (int i = 0; i < atr.length; i++) {
            atr[i] = new Atr(config.atrPeriod());
        }
    }

    /** Starts an event: state changes and fills go into its batches. */
    public void begin(MarketEvent e) {
        event = e;
    }

    /** Ends an event: orders placed during it may match the trades after it. */
    public void end() {
        book.settle();
        event = null;
    }

    /** Feeds a closed candle to the ATR behind ATR-sized exits (also during recovery, so it is rebuilt). */
    public void onCandle(Candle c) {
        if (c.instrumentId >= 0 && c.instrumentId < atr.length && c.closeE8 > 0) {
            atr[c.instrumentId].update(FixedPoint.toDouble(c.highE8), FixedPoint.toDouble(c.lowE8),
                FixedPoint.toDouble(c.closeE8));
        }
    }

    /**
     * Matches the open orders of {@code id} against one trade (after the account was marked to it). With a usable
     * quote, market orders, triggered stops and marketable limits take the book instead of the trade price.
     */
    public void onTrade(int id, long priceE8, long sizeE8, long timestampNs) {
        if (!book.hasOrders(id)) {
            return;
        }
        final Quote quote = quotes.usable(id, timestampNs);
        long sizeLeft = sizeE8;
        final int slots = book.slotsPerInstrument();
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (!PaperMatcher.eligible(o, timestampNs)) {
                continue;
            }
            final boolean matched = quote != null && takesBook(o)
                ? matcher.matchBook(o, quote, PaperMatcher.stopHit(o, priceE8))
                : matcher.match(o, priceE8, sizeLeft);
            if (matched) {
                if (matcher.triggered) {
                    o.state = OrderState.TRIGGERED;
                    emit(o, timestampNs, 0);
                }
                if (matcher.liquidity == Liquidity.MAKER) {
                    sizeLeft -= matcher.fillQuantityE8;
                }
                fill(o, matcher.fillQuantityE8, matcher.fillPriceE8, matcher.liquidity, timestampNs);
            } else if (PaperMatcher.immediateOrCancel(o)) {
                finish(o, OrderState.CANCELLED, timestampNs, 0);
            } else {
                PaperMatcher.trail(o, priceE8);
            }
        }
    }

    /**
     * A new top of book for {@code id}: remembered (also while recovery skips events, so the book is current), see
     * {@link #matchQuote} for the matching.
     */
    public void onQuote(int id, long timestampNs, Quote quote) {
        quotes.onQuote(id, timestampNs, quote);
    }

    /** The feed disconnected or the engine restarted: no book is trusted until the next quote. */
    public void forgetQuotes() {
        quotes.forgetAll();
    }

    /** Market orders and marketable limits of {@code id} that are due take the book just quoted. */
    public void matchQuote(int id, long timestampNs) {
        if (!book.hasOrders(id)) {
            return;
        }
        final Quote quote = quotes.usable(id, timestampNs);
        if (quote == null) {
            return;
        }
        final int slots = book.slotsPerInstrument();
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (!PaperMatcher.eligible(o, timestampNs) || o.type == OrderType.STOP
                || o.type == OrderType.TRAILING_STOP || !takesBook(o)) {
                continue; // stops trigger on trades only
            }
            if (matcher.matchBook(o, quote, false)) {
                fill(o, matcher.fillQuantityE8, matcher.fillPriceE8, matcher.liquidity, timestampNs);
            } else if (PaperMatcher.immediateOrCancel(o)) {
                finish(o, OrderState.CANCELLED, timestampNs, 0);
            }
        }
    }

    /** Orders that take liquidity: market, stops, marketable limits. */
    private static boolean takesBook(Order o) {
        return o.type == OrderType.MARKET || o.type == OrderType.STOP || o.type == OrderType.TRAILING_STOP
            || (o.type == OrderType.LIMIT && o.marketable);
    }

    /** Whether a limit at {@code limitE8} would take: against the book when a quote is usable, else the last trade. */
    private boolean marketable(int id, byte side, long limitE8, long nowNs) {
        final Quote quote = quotes.usable(id, nowNs);
        if (quote == null) {
            return PaperMatcher.wouldTake(side, limitE8, portfolio.lastPriceE8(id));
        }
        final long touch = PaperMatcher.touchE8(side, quote);
        return side == Side.BUY ? limitE8 >= touch : limitE8 <= touch;
    }

    /**
     * Time-driven changes at exchange time {@code nowNs}: expired orders, positions held too long. Runs on every
     * event, so it remembers the earliest deadline it saw and skips the scan until then unless the book changed.
     */
    public void onTime(long nowNs) {
        if (nowNs < quietUntilNs && book.changes() == timedChanges) {
            return;
        }
        final long changesBefore = book.changes();
        long next = Long.MAX_VALUE;
        for (int id = 0; id < book.instrumentCount(); id++) {
            // the slots in use only, in slot order, the mask re-read after each (finishing one frees its slot)
            for (long rest = book.usedMask(id); rest != 0; ) {
                final int k = Long.numberOfTrailingZeros(rest);
                final Order o = book.slot(id, k);
                if (o.expiresNs > 0) {
                    if (nowNs < o.expiresNs) {
                        next = Math.min(next, o.expiresNs);
                    } else if (o.open()) {
                        finish(o, OrderState.EXPIRED, nowNs, 0);
                    } else {
                        next = Long.MIN_VALUE; // past due but not open: look again every time, as before
                    }
                }
                rest = book.usedMask(id) & (-2L << k);
            }
            final long entry = book.entryNs(id);
            if (maxHoldNs > 0 && entry > 0) {
                if (nowNs - entry >= maxHoldNs) {
                    next = Long.MIN_VALUE; // held too long: decided on every event until the position is gone
                    if (portfolio.quantityE8(id) > 0 && findExit(id, ExitReason.MAX_HOLD) == null) {
                        exitAll(id, ExitReason.MAX_HOLD, nowNs, -1, io.ringtrader.event.Regime.UNKNOWN);
                    }
                } else {
                    next = Math.min(next, entry > Long.MAX_VALUE - maxHoldNs ? Long.MAX_VALUE : entry + maxHoldNs);
                }
            }
        }
        quietUntilNs = next;
        timedChanges = changesBefore; // a change made by this scan shows as a new count: the next call scans
    }

    /**
     * Turns a BUY or SELL {@code signal} into orders: the target from {@code risk} against what is held plus on
     * order, traded only beyond the rebalance band; entries also pass the cooldown and the cost check. Fills
     * {@code decision}'s approved quantity and reasons.
     */
    public void onSignal(Signal signal, io.ringtrader.risk.RiskManager risk, boolean standAside,
                         RiskDecision decision) {
        final int id = signal.instrumentId;
        final Instrument instrument = instruments.get(id);
        final long now = signal.timestampNs;
        final long pendingBuy = pending(id, Side.BUY, false);
        final long pendingNotional = pending(id, Side.BUY, true);
        final long target = risk.target(signal, instrument, portfolio, broker, pendingBuy, pendingNotional,
            decision);
        if (target < 0) {
            return;
        }
        final long held = portfolio.quantityE8(id);
        final long last = portfolio.lastPriceE8(id);
        if (signal.action == io.ringtrader.event.Action.BUY) {
            buyTowards(signal, instrument, target, held, pendingBuy, last, standAside, decision);
            return;
        }
        cancelEntries(id, now);
        if (held > 0 && now - book.entryNs(id) < minHoldNs) {
            decision.reasonCode |= RiskReason.MIN_HOLD;
            return;
        }
        final long excess = FixedPoint.floorTo(held - target, instrument.sizeIncrementE8());
        if (held <= 0) {
            decision.reasonCode |= RiskReason.NO_POSITION;
            return;
        }
        if (excess <= 0 || (target > 0 && FixedPoint.multiply(excess, last) < minNotionalE8)
            || hasMarketExit(id)) {
            decision.reasonCode |= RiskReason.AT_TARGET;
            return;
        }
        if (target == 0) {
            exitAll(id, ExitReason.SIGNAL, now, signal.leadStrategyId, signal.regime);
        } else {
            final Order o = place(id, Side.SELL, OrderType.MARKET, (byte) 0, excess, 0, 0, ExitReason.SIGNAL, now, 0);
            if (o == null) {
                decision.reasonCode |= RiskReason.ORDERS_FULL;
                return;
            }
            o.strategyId = signal.leadStrategyId;
            o.regime = signal.regime;
        }
        decision.approvedQuantityE8 = excess;
    }

    private void buyTowards(Signal signal, Instrument instrument, long target, long held, long pendingBuy,
                            long last, boolean standAside, RiskDecision decision) {
        final int id = instrument.id();
        final long now = signal.timestampNs;
        if (standAside) {
            decision.reasonCode |= RiskReason.STAND_ASIDE;
            return;
        }
        if (now < book.cooldownUntilNs(id)) {
            decision.reasonCode |= RiskReason.COOLDOWN;
            return;
        }
        if (!costsCovered(id, last)) {
            decision.reasonCode |= RiskReason.COSTS;
            return;
        }
        final long diff = FixedPoint.floorTo(target - held - pendingBuy, instrument.sizeIncrementE8());
        final long band = Math.max(FixedPoint.multiply(FixedPoint.multiply(target, last), bandE8), minNotionalE8);
        if (diff <= 0 || FixedPoint.multiply(diff, last) < band) {
            decision.reasonCode |= RiskReason.AT_TARGET;
            return;
        }
        if (diff < instrument.minOrderSizeE8()) {
            decision.reasonCode |= RiskReason.MIN_SIZE;
            return;
        }
        long quantity = diff;
        if (pendingBuy > 0) {
            cancelEntries(id, now); // one working entry per symbol, re-priced at the new target
            quantity = FixedPoint.floorTo(target - held, instrument.sizeIncrementE8());
        }
        final Order o = limitEntries
            ? place(id, Side.BUY, OrderType.LIMIT, TimeInForce.POST_ONLY, quantity,
                FixedPoint.floorTo(last - FixedPoint.multiply(last, entryOffsetE8), instrument.priceIncrementE8()),
                0, ExitReason.NONE, now, now + entryTimeoutNs)
            : place(id, Side.BUY, OrderType.MARKET, (byte) 0, quantity, 0, 0, ExitReason.NONE, now, 0);
        if (o == null) {
            decision.reasonCode |= RiskReason.ORDERS_FULL;
            return;
        }
        o.strategyId = signal.leadStrategyId;
        o.regime = signal.regime;
        o.confidence = signal.confidence;
        o.reasonCode = decision.reasonCode;
        decision.approvedQuantityE8 = quantity;
    }

    /**
     * True when the expected move of an entry (the take-profit distance) is worth at least {@code costMultiple}
     * round trips: the entry's fee (maker for a limit, taker plus slippage for a market order) plus the
     * take-profit's maker fee. Without a take-profit there is no expected move to weigh and entries pass.
     */
    boolean costsCovered(int id, long lastE8) {
        final long move = distance(takeProfitPctE8, takeProfitAtr, lastE8, id);
        if (move <= 0 || lastE8 <= 0) {
            return true;
        }
        final long entryCost = limitEntries ? broker.feeRateE8(Liquidity.MAKER)
            : broker.feeRateE8(Liquidity.TAKER) + broker.slippageE8();
        final long roundTrip = entryCost + broker.feeRateE8(Liquidity.MAKER);
        return FixedPoint.toDouble(move) / FixedPoint.toDouble(lastE8) >= costMultiple * FixedPoint.toDouble(roundTrip);
    }

    /**
     * Cancels every open order of {@code id} and sells the whole position at market, tagged {@code reason} and
     * credited to {@code strategyId} (-1: risk's own exit).
     */
    public void exitAll(int id, byte reason, long nowNs, int strategyId, byte regime) {
        cancelAll(id, nowNs, RiskReason.SUPERSEDED);
        final long quantity = FixedPoint.floorTo(portfolio.quantityE8(id), instruments.get(id).sizeIncrementE8());
        if (quantity > 0) {
            final Order o = place(id, Side.SELL, OrderType.MARKET, (byte) 0, quantity, 0, 0, reason, nowNs, 0);
            if (o != null) {
                o.strategyId = strategyId;
                o.regime = regime;
            }
        }
    }

    private Order place(int id, byte side, byte type, byte tif, long quantityE8, long limitE8, long stopE8,
                        byte exitReason, long nowNs, long expiresNs) {
        final Order o = book.allocate(id, nowNs);
        if (o == null) {
            return null;
        }
        o.side = side;
        o.type = type;
        o.timeInForce = tif;
        o.quantityE8 = quantityE8;
        o.limitPriceE8 = limitE8;
        o.stopPriceE8 = stopE8;
        o.exitReason = exitReason;
        o.activeFromNs = nowNs + latencyNs;
        o.expiresNs = expiresNs;
        o.marketable = type == OrderType.LIMIT && marketable(id, side, limitE8, nowNs);
        if (o.marketable && tif == TimeInForce.POST_ONLY) {
            o.state = OrderState.REJECTED;
            emit(o, nowNs, RiskReason.WOULD_TAKE);
            book.release(o);
            return null;
        }
        o.state = OrderState.ACCEPTED;
        emit(o, nowNs, 0);
        return o;
    }

    private void fill(Order o, long quantityE8, long priceE8, byte liquidity, long nowNs) {
        final int id = o.instrumentId;
        final Instrument instrument = instruments.get(id);
        final long increment = instrument.sizeIncrementE8();
        long quantity = FixedPoint.floorTo(quantityE8, increment);
        if (quantity <= 0) {
            return; // a trade smaller than one size increment: the order keeps resting
        }
        if (o.side == Side.SELL) {
            quantity = Math.min(quantity, FixedPoint.floorTo(portfolio.quantityE8(id), increment));
        } else {
            final long notional = FixedPoint.multiply(quantity, priceE8);
            if (notional + broker.feeE8(notional, liquidity) > portfolio.cashE8()) {
                quantity = FixedPoint.floorTo(broker.affordableQuantityE8(portfolio.cashE8(), priceE8), increment);
            }
        }
        if (quantity <= 0) {
            finish(o, OrderState.CANCELLED, nowNs,
                o.side == Side.SELL ? RiskReason.NO_POSITION : RiskReason.INSUFFICIENT_CASH);
            return;
        }
        if (event.fills.size() == event.fills.capacity()) {
            batchFull++; // stays open: matched again on the next trade
            return;
        }
        final int rc = broker.settle(instrument, o.side, quantity, priceE8, liquidity, nowNs, scratch);
        if (rc != 0) {
            finish(o, OrderState.CANCELLED, nowNs, rc);
            return;
        }
        scratch.orderId = o.id;
        scratch.orderType = o.type;
        scratch.exitReason = o.exitReason;
        scratch.strategyId = o.strategyId;
        scratch.regime = o.regime;
        scratch.confidence = o.confidence;
        scratch.reasonCode = o.reasonCode;
        event.fills.add().copyFrom(scratch);
        fillCount++;
        if (outbox != null && !outbox.offerFill(scratch)) {
            outboxDropped++;
        }
        o.filledE8 += quantity;
        final boolean flat = portfolio.quantityE8(id) == 0;
        if (o.side == Side.SELL && flat) {
            o.quantityE8 = o.filledE8; // nothing left to sell
        }
        final byte side = o.side;
        if (o.remainingE8() == 0) {
            if (o.exitReason != ExitReason.NONE) {
                exitsByKind[o.exitReason]++;
            }
            finish(o, OrderState.FILLED, nowNs, 0);
        } else {
            o.state = OrderState.PARTIALLY_FILLED;
            emit(o, nowNs, 0);
        }
        if (side == Side.BUY) {
            if (book.entryNs(id) == 0) {
                book.entryNs(id, nowNs);
            }
            armExits(id, nowNs, scratch.strategyId, scratch.regime);
        } else if (flat) {
            cancelAll(id, nowNs, RiskReason.SUPERSEDED);
            book.entryNs(id, 0);
            book.cooldownUntilNs(id, nowNs + cooldownNs);
        } else {
            resizeExits(id, nowNs);
        }
    }

    /** Arms the position's protective exits after an entry fill, or re-arms them at the new average cost. */
    private void armExits(int id, long nowNs, int strategyId, byte regime) {
        final long position = portfolio.quantityE8(id);
        if (position <= 0) {
            return;
        }
        final long average = WideMath.divideE8(portfolio.costBasisE8(id), position);
        final long last = portfolio.lastPriceE8(id);
        final long stop = distance(stopPctE8, stopAtr, average, id);
        if (stop > 0) {
            arm(id, OrderType.STOP, ExitReason.STOP_LOSS, position, 0, Math.max(1, average - stop), 0, nowNs,
                strategyId, regime);
        }
        final long takeProfit = distance(takeProfitPctE8, takeProfitAtr, average, id);
        if (takeProfit > 0) {
            arm(id, OrderType.LIMIT, ExitReason.TAKE_PROFIT, position, average + takeProfit, 0, 0, nowNs,
                strategyId, regime);
        }
        final long trail = distance(trailPctE8, trailAtr, average, id);
        if (trail > 0) {
            arm(id, OrderType.TRAILING_STOP, ExitReason.TRAILING_STOP, position, 0, 0, trail, nowNs, strategyId,
                regime);
        }
    }

    /** Places or re-arms one exit, credited (in the trade log) to the strategy of the entry. */
    private void arm(int id, byte type, byte reason, long position, long limitE8, long stopE8, long trailE8,
                     long nowNs, int strategyId, byte regime) {
        Order o = findExit(id, reason);
        if (o == null) {
            o = place(id, Side.SELL, type, type == OrderType.LIMIT ? TimeInForce.GTC : 0, position, limitE8, stopE8,
                reason, nowNs, 0);
            if (o == null) {
                return;
            }
            o.strategyId = strategyId;
            o.regime = regime;
            if (type == OrderType.TRAILING_STOP) {
                o.trailDistanceE8 = trailE8;
                o.highWaterE8 = portfolio.lastPriceE8(id);
                o.stopPriceE8 = Math.max(1, o.highWaterE8 - trailE8);
            }
            return;
        }
        o.quantityE8 = o.filledE8 + position;
        if (type == OrderType.LIMIT) {
            o.limitPriceE8 = limitE8;
            o.marketable = marketable(id, Side.SELL, limitE8, nowNs);
        } else if (type == OrderType.STOP) {
            o.stopPriceE8 = stopE8;
        } else {
            o.trailDistanceE8 = trailE8;
            o.stopPriceE8 = Math.max(o.stopPriceE8, o.highWaterE8 - trailE8);
        }
        o.state = OrderState.REPLACED;
        emit(o, nowNs, 0);
    }

    /** After a partial exit: the other exits now cover what is left. */
    private void resizeExits(int id, long nowNs) {
        final long position = portfolio.quantityE8(id);
        final int slots = book.slotsPerInstrument();
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (o.id != 0 && o.open() && o.side == Side.SELL && protective(o.exitReason)
                && o.quantityE8 != o.filledE8 + position) {
                o.quantityE8 = o.filledE8 + position;
                o.state = OrderState.REPLACED;
                emit(o, nowNs, 0);
            }
        }
    }

    private static boolean protective(byte reason) {
        return reason == ExitReason.STOP_LOSS || reason == ExitReason.TAKE_PROFIT
            || reason == ExitReason.TRAILING_STOP;
    }

    /** A distance in price: {@code atrMultiple} ATRs when set and the ATR is ready, else {@code pct} of a price. */
    private long distance(long pctE8, double atrMultiple, long priceE8, int id) {
        if (atrMultiple > 0 && atr[id].ready()) {
            return FixedPoint.fromDouble(atrMultiple * atr[id].value());
        }
        return FixedPoint.multiply(priceE8, pctE8);
    }

    private Order findExit(int id, byte reason) {
        final int slots = book.slotsPerInstrument();
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (o.id != 0 && o.open() && o.side == Side.SELL && o.exitReason == reason) {
                return o;
            }
        }
        return null;
    }

    private boolean hasMarketExit(int id) {
        final int slots = book.slotsPerInstrument();
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (o.id != 0 && o.open() && o.side == Side.SELL && o.type == OrderType.MARKET) {
                return true;
            }
        }
        return false;
    }

    /** What open orders on {@code side} of {@code id} still take: quantity, or notional at their prices. */
    private long pending(int id, byte side, boolean notional) {
        long sum = 0;
        final int slots = book.slotsPerInstrument();
        final long last = portfolio.lastPriceE8(id);
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (o.id != 0 && o.open() && o.side == side) {
                final long remaining = o.remainingE8();
                sum += !notional ? remaining
                    : FixedPoint.multiply(remaining, o.type == OrderType.LIMIT ? o.limitPriceE8
                        : broker.buyPriceE8(last));
            }
        }
        return sum;
    }

    private void cancelEntries(int id, long nowNs) {
        final int slots = book.slotsPerInstrument();
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (o.id != 0 && o.open() && o.side == Side.BUY) {
                finish(o, OrderState.CANCELLED, nowNs, RiskReason.SUPERSEDED);
            }
        }
    }

    /** Cancels every open order of {@code id} (one-cancels-other once the position is closed). */
    public void cancelAll(int id, long nowNs, int reason) {
        final int slots = book.slotsPerInstrument();
        for (int k = 0; k < slots; k++) {
            final Order o = book.slot(id, k);
            if (o.id != 0 && o.open()) {
                finish(o, OrderState.CANCELLED, nowNs, reason);
            }
        }
    }

    private void finish(Order o, byte state, long nowNs, int reason) {
        o.state = state;
        emit(o, nowNs, reason);
        book.release(o);
    }

    private void emit(Order o, long nowNs, int reason) {
        ordersByState[o.state]++;
        final OrderUpdate u = event == null ? null : event.orders.add();
        if (u == null) {
            batchFull++;
            return;
        }
        o.describe(u, nowNs, reason);
    }

    /** The open orders and per-position memory (handler thread). */
    public OrderBook book() {
        return book;
    }

    /** Order state changes since start, by {@link OrderState} code. */
    public long ordersInState(byte state) {
        return ordersByState[state];
    }

    /** Exit orders filled in full since start, by {@link ExitReason} code. */
    public long exits(byte reason) {
        return exitsByKind[reason];
    }

    /** Fills since start. */
    public long fillCount() {
        return fillCount;
    }

    /** Counts a signal that found the slot's decision batch full. */
    void batchFullInc() {
        batchFull++;
    }

    /** Order updates or fills lost because a slot's batch was full. */
    public long batchFull() {
        return batchFull;
    }

    /** Fills not queued because the writer's outbox was full. */
    public long outboxDropped() {
        return outboxDropped;
    }
}
