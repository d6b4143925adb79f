package io.ringtrader.risk;

/**
 * Why the risk stage shrank or rejected an order: bits of {@code RiskDecision.reasonCode} and
 * {@code Fill.reasonCode}. 0 means the order passed as sized. Stateless constants; safe everywhere.
 */
public final class RiskReason {
    /** Capped by the per-symbol position limit. */
    public static final int MAX_POSITION = 1;
    /** Capped by the total exposure limit. */
    public static final int MAX_EXPOSURE = 1 << 1;
    /** Shrunk because its returns correlate with a held position above the threshold. */
    public static final int CORRELATION = 1 << 2;
    /** Rejected (entry) or forced (liquidation) by drawdown protection. */
    public static final int DRAWDOWN = 1 << 3;
    /** Rejected: smaller than the product's minimum order size after rounding down to its size increment. */
    public static final int MIN_SIZE = 1 << 4;
    /** Rejected: a sell with nothing held. */
    public static final int NO_POSITION = 1 << 5;
    /** Capped (or rejected) by the cash available for notional plus fee. */
    public static final int INSUFFICIENT_CASH = 1 << 6;
    /** Rejected: no trade price seen yet for the instrument. */
    public static final int NO_PRICE = 1 << 7;
    /** A sell capped at the quantity held (spot: no short). */
    public static final int POSITION_HELD = 1 << 8;
    /** Rejected: no record left in the slot's output batch (more orders than its capacity). */
    public static final int BATCH_FULL = 1 << 9;
    /** Rejected by paper-execution validation (an invariant would break); should never happen. */
    public static final int INVALID = 1 << 10;
    /** No order: the position plus what is on order is already at the target, within the rebalance band. */
    public static final int AT_TARGET = 1 << 11;
    /** Rejected: the expected move is worth less than {@code k} round trips of fees and slippage. */
    public static final int COSTS = 1 << 12;
    /** Rejected: the symbol is cooling down after an exit. */
    public static final int COOLDOWN = 1 << 13;
    /** Rejected: trading stands aside (no strategy beat the costs on the stored history). */
    public static final int STAND_ASIDE = 1 << 14;
    /** An order was cancelled: replaced by a newer target, or the other side of a one-cancels-other pair. */
    public static final int SUPERSEDED = 1 << 15;
    /** Rejected or cancelled: the order table has no free slot for the symbol. */
    public static final int ORDERS_FULL = 1 << 16;
    /** Rejected: a post-only limit would have taken liquidity. */
    public static final int WOULD_TAKE = 1 << 17;
    /** No exit: a SELL signal came before the position's minimum holding time (its protective exits stay). */
    public static final int MIN_HOLD = 1 << 18;

    private static final String[] NAMES = {
        "MAX_POSITION", "MAX_EXPOSURE", "CORRELATION", "DRAWDOWN", "MIN_SIZE", "NO_POSITION", "INSUFFICIENT_CASH",
        "NO_PRICE", "POSITION_HELD", "BATCH_FULL", "INVALID", "AT_TARGET", "COSTS", "COOLDOWN", "STAND_ASIDE",
        "SUPERSEDED", "ORDERS_FULL", "WOULD_TAKE", "MIN_HOLD",
    };

    /** The number of named bits: bit {@code i} is {@code 1 << i}, {@code i < COUNT}. */
    public static final int COUNT = NAMES.length;

    private RiskReason() {
    }

    /** The name of bit number {@code index} ({@code 1 << index}), as in the trade log. */
    public static String name(int index) {
        return NAMES[index];
    }

    /** Appends the bit names joined by {@code |}, or {@code OK} for 0; allocation-free. */
    public static void appendTo(StringBuilder sb, int bits) {
        if (bits == 0) {
            sb.append("OK");
            return;
        }
        boolean first = true;
        for (int i = 0; i < NAMES.length; i++) {
            if ((bits & (1 << i)) != 0) {
                if (!first) {
                    sb.append('|');
                }
                sb.append(NAMES[i]);
                first = false;
            }
        }
        final int unknown = bits & ~((1 << NAMES.length) - 1);
        if (unknown != 0) {
            if (!first) {
                sb.append('|');
            }
            sb.append("0x").append(Integer.toHexString(unknown));
        }
    }

    /** The readable text of {@code bits}, as written to the trade log. */
    public static String describe(int bits) {
        final StringBuilder sb = new StringBuilder(32);
        appendTo(sb, bits);
        return sb.toString();
    }

    /** Parses text made by {@link #describe}; -1 when it is not. */
    public static int parse(String text) {
        if ("OK".equals(text)) {
            return 0;
        }
        int bits = 0;
        outer:
        for (String part : text.split("\\|", -1)) {
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(part)) {
                    bits |= 1 << i;
                    continue outer;
                }
            }
            return -1;
        }
        return bits;
    }
}
