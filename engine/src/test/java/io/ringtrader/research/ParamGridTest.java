package io.ringtrader.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamGridTest {
    @Test
    void shouldExpandRangesListsAndDecimalsExactly() {
        assertThat(ParamRange.parse("fast_period=5..30:5").values()).hasSize(6);
        final ParamRange width = ParamRange.parse("band_width=1.5..2.5:0.1");
        assertThat(width.values()).hasSize(11);
        assertThat(width.integral()).isFalse();
        assertThat(width.text(10)).isEqualTo("2.5");
        assertThat(width.overrideValue(1)).isEqualTo(1.6);
        final ParamRange list = ParamRange.parse("slow_period=20,50,100");
        assertThat(list.integral()).isTrue();
        assertThat(list.overrideValue(2)).isEqualTo(100L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "=5", "Fast=5", "fast=5..1:1", "fast=1..5:0", "fast=1..5:-1", "fast=a",
        "fast=1,1", "fast=1..", "fast=1..100000:1"})
    void shouldRefuseMalformedRangesNamingTheOption(String text) {
        assertThatThrownBy(() -> ParamRange.parse(text)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("--param: ");
    }

    @Test
    void shouldListTheGridInOrderAndSampleTheSameSetsForTheSameSeed() {
        final List<ParamRange> ranges = List.of(ParamRange.parse("fast_period=5..30:5"),
            ParamRange.parse("slow_period=20..100:10"));
        final ParamGrid grid = ParamGrid.of(ranges, 0, 1);
        assertThat(grid.size()).isEqualTo(6 * 9);
        assertThat(grid.label(0)).isEqualTo("fast_period=5 slow_period=20");
        assertThat(grid.label(1)).isEqualTo("fast_period=5 slow_period=30");
        assertThat(grid.overrides(53, "strategies.params.x.")).isEqualTo(Map.of(
            "strategies.params.x.fast_period", 30L, "strategies.params.x.slow_period", 100L));

        final ParamGrid a = ParamGrid.of(ranges, 10, 42);
        final ParamGrid b = ParamGrid.of(ranges, 10, 42);
        final ParamGrid c = ParamGrid.of(ranges, 10, 43);
        assertThat(a.size()).isEqualTo(10);
        final List<String> la = labels(a);
        assertThat(labels(b)).isEqualTo(la);
        assertThat(labels(c)).isNotEqualTo(la);
        assertThat(la).doesNotHaveDuplicates().allSatisfy(l -> assertThat(labels(grid)).contains(l));
        assertThat(ParamGrid.of(ranges, 1000, 42).size()).isEqualTo(54);
        assertThatThrownBy(() -> ParamGrid.of(List.of(ranges.get(0), ranges.get(0)), 0, 1))
            .hasMessageContaining("given twice");
    }

    private static List<String> labels(ParamGrid g) {
        return java.util.stream.IntStream.range(0, g.size()).mapToObj(g::label).toList();
    }
}
