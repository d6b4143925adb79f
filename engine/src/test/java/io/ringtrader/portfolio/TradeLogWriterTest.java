package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import io.ringtrader.risk.RiskReason;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.ringtrader.order.OrderBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeLogWriterTest {

    /** Splits one CSV row, honouring double-quoted fields. */
    private static String[] split(String row) {
        final String[] out = new String[TradeLogFormat.COLUMNS];
        int col = 0;
        final StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            final char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out[col++] = cur.toString();
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out[col++] = cur.toString();
        assertThat(col).as(row).isEqualTo(TradeLogFormat.COLUMNS);
        return out;
    }

    private static long dec(String text) {
        final long v = FixedPoint.parse(text);
        assertThat(v).as(text).isNotEqualTo(FixedPoint.INVALID);
        return v;
    }

    @Test
    void naiveRecomputationFromTheTradeLogShouldEqualTheStateFile(@TempDir Path dir) throws IOException {
        TestFiles.run(dir, 12, 6_000, TestFiles.RISK);
        final List<String> lines = Files.readAllLines(TestFiles.log(dir), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(TradeLogFormat.HEADER);
        assertThat(lines.size()).isGreaterThan(20);
        long cash = TestFiles.PORTFOLIO.startingCashE8();
        long realized = 0;
        final Map<String, long[]> positions = new HashMap<>(); // symbol -> {quantity, cost basis}
        long previousTs = Long.MIN_VALUE;
        final long takerFeeE8 = Math.round(TestFiles.PORTFOLIO.takerFeeBps() * 10_000);
        final long makerFeeE8 = Math.round(TestFiles.PORTFOLIO.makerFeeBps() * 10_000);
        for (String line : lines.subList(1, lines.size())) {
            final String[] c = split(line);
            final long ts = Rfc3339.parse(c[0]);
            assertThat(ts).as(line).isGreaterThanOrEqualTo(previousTs);
            previousTs = ts;
            final long price = dec(c[3]);
            final long qty = dec(c[4]);
            final long notional = dec(c[5]);
            final long fee = dec(c[6]);
            assertThat(notional).as(line).isEqualTo(BigInteger.valueOf(qty).multiply(BigInteger.valueOf(price))
                .divide(BigInteger.valueOf(FixedPoint.ONE)).longValueExact());
            assertThat(c[16]).as(line).isIn("maker", "taker");
            assertThat(fee).as(line).isEqualTo(notional * (c[16].equals("maker") ? makerFeeE8 : takerFeeE8)
                / FixedPoint.ONE);
            assertThat(RiskReason.parse(c[13])).as(line).isNotNegative();
            assertThat(List.of("trend_following", "mean_reversion", "momentum, fast", "risk")).contains(c[8]);
            final long[] pos = positions.computeIfAbsent(c[1], k -> new long[2]);
            long pnl = 0;
            if (c[2].equals(Side.name(Side.BUY))) {
                cash -= notional + fee;
                pos[0] += qty;
                pos[1] += notional + fee;
            } else {
                assertThat(c[2]).isEqualTo("SELL");
                final long basisSold = qty == pos[0] ? pos[1] : BigInteger.valueOf(pos[1])
                    .multiply(BigInteger.valueOf(qty)).divide(BigInteger.valueOf(pos[0])).longValueExact();
                pnl = notional - fee - basisSold;
                cash += notional - fee;
                pos[0] -= qty;
                pos[1] -= basisSold;
                realized += pnl;
            }
            assertThat(dec(c[10])).as(line).isEqualTo(pnl);
            assertThat(dec(c[11])).as(line).isEqualTo(pos[0]);
            assertThat(dec(c[12])).as(line).isEqualTo(cash);
            assertThat(cash).as(line).isNotNegative();
            assertThat(pos[0]).as(line).isNotNegative();
        }
        final JsonNode state = new ObjectMapper().readTree(TestFiles.state(dir).toFile());
        assertThat(dec(state.get("cash").asText())).isEqualTo(cash);
        assertThat(dec(state.get("realized_pnl").asText())).isEqualTo(realized);
        assertThat(state.get("trade_count").asLong()).isEqualTo(lines.size() - 1);
        for (Map.Entry<String, long[]> e : positions.entrySet()) {
            final JsonNode p = state.get("positions").get(e.getKey());
            assertThat(dec(p.get("quantity").asText())).as(e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(dec(p.get("cost_basis").asText())).as(e.getKey()).isEqualTo(e.getValue()[1]);
        }
        assertThat(state.get("journal_index").asLong()).isEqualTo(5_999);
    }

    @Test
    void shouldRepairATornLastLineAtStartAndKeepAppending(@TempDir Path dir) throws IOException {
        TestFiles.run(dir, 12, 2_000, TestFiles.RISK);
        final String before = Files.readString(TestFiles.log(dir));
        Files.writeString(TestFiles.log(dir), "2026-01-01T00:0", StandardOpenOption.APPEND);
        final PortfolioOutbox outbox = new PortfolioOutbox(16, SyntheticFeed.INSTRUMENTS.size(), 4);
        try (TradeLogWriter writer = new TradeLogWriter(TestFiles.log(dir), TestFiles.state(dir),
            SyntheticFeed.INSTRUMENTS, id -> "s" + id, outbox, 4)) {
            writer.start();
            final Fill fill = new Fill();
            fill.side = Side.BUY;
            fill.quantityE8 = 1;
            fill.strategyId = 0;
            outbox.offerFill(fill);
        }
        final String after = Files.readString(TestFiles.log(dir));
        assertThat(after).startsWith(before);
        assertThat(after.substring(before.length())).startsWith("1970-01-01T00:00:00.000000Z,BTC,BUY,0,0.00000001,")
            .endsWith(",s0,unknown,0,0,0,OK,0,none,none,\n");
    }

    @Test
    void shouldRunAsTheTradeLogAgentAndWriteFillsOfferedJustBeforeCloseThenTheState(@TempDir Path dir)
        throws IOException {
        final int n = SyntheticFeed.INSTRUMENTS.size();
        final PortfolioOutbox outbox = new PortfolioOutbox(64, n, 4);
        final TradeLogWriter writer = new TradeLogWriter(TestFiles.log(dir), TestFiles.state(dir),
            SyntheticFeed.INSTRUMENTS, id -> "s" + id, outbox, 4);
        assertThat(writer.roleName()).isEqualTo("trade-log-writer");
        writer.start(-1, io.ringtrader.config.BackgroundIdle.SLEEPING);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("trade-log-writer"))
            .isNotEmpty().allMatch(Thread::isDaemon);
        final Portfolio portfolio = new Portfolio(n, 10 * FixedPoint.ONE);
        final Fill fill = new Fill();
        fill.side = Side.BUY;
        fill.quantityE8 = 1;
        fill.strategyId = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(outbox.offerFill(fill)).isTrue();
        }
        portfolio.stamp(0, 41);
        assertThat(outbox.offerSnapshot(portfolio, new OrderBook(n, 4))).isTrue();
        writer.close();
        assertThat(writer.failed()).isFalse();
        assertThat(writer.rowsWritten()).isEqualTo(3);
        assertThat(Files.readAllLines(TestFiles.log(dir))).hasSize(4).first().isEqualTo(TradeLogFormat.HEADER);
        assertThat(new ObjectMapper().readTree(TestFiles.state(dir).toFile()).get("journal_index").asLong())
            .isEqualTo(41);
    }

    @Test
    void shouldWriteTheHeaderOnceAndFlagIoErrors(@TempDir Path dir) throws IOException {
        final Path stateIsADirectory = dir.resolve("state");
        Files.createDirectories(stateIsADirectory.resolve("blocker"));
        final PortfolioOutbox outbox = new PortfolioOutbox(16, SyntheticFeed.INSTRUMENTS.size(), 4);
        final TradeLogWriter writer = new TradeLogWriter(dir.resolve("t.csv"), stateIsADirectory,
            SyntheticFeed.INSTRUMENTS, id -> "s", outbox, 4);
        writer.start();
        outbox.offerSnapshot(new Portfolio(SyntheticFeed.INSTRUMENTS.size(), 10),
            new OrderBook(SyntheticFeed.INSTRUMENTS.size(), 4));
        writer.close();
        assertThat(writer.failed()).isTrue();
        assertThat(Files.readString(dir.resolve("t.csv"))).isEqualTo(TradeLogFormat.HEADER + "\n");
    }

    @Test
    void shouldParseTheStateFileWithPlainJackson(@TempDir Path dir) throws IOException {
        TestFiles.run(dir, 1, 500, TestFiles.RISK);
        final JsonNode state = new ObjectMapper().readTree(TestFiles.state(dir).toFile());
        assertThat(state.get("positions").isObject()).isTrue();
        assertThat(state.get("last_update").asText()).endsWith("Z");
    }
}
