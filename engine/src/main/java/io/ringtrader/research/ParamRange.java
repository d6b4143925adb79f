package io.ringtrader.research;

import io.ringtrader.config.ConfigException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --param} of {@code optimize}: {@code name=from..to:step} (inclusive, e.g. {@code fast_period=5..30:5}),
 * {@code name=a,b,c} or {@code name=v}. Values are exact decimals; a range whose values are all whole numbers gives
 * integers. Immutable.
 *
 * @param name   the strategy parameter (a key of {@code strategies.params.STRATEGY})
 * @param values the values to try, in order
 */
public record ParamRange(String name, List<BigDecimal> values) {
    /** Most values one parameter may take. */
    public static final int MAX_VALUES = 10_000;
    private static final Pattern RANGE = Pattern.compile("(.+?)\\.\\.(.+?):(.+)");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public ParamRange {
        values = List.copyOf(values);
    }

    /** Parses {@code text}; a {@link ConfigException} on {@code --param} says what is wrong. */
    public static ParamRange parse(String text) {
        final int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--param", "'" + text + "' is not NAME=FROM..TO:STEP or NAME=A,B,C");
        }
        final String name = text.substring(0, eq).trim();
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("--param", "'" + name + "' is not a parameter name (lower case, digits, _)");
        }
        final String spec = text.substring(eq + 1).trim();
        final List<BigDecimal> values = new ArrayList<>();
        final Matcher m = RANGE.matcher(spec);
        if (m.matches()) {
            final BigDecimal from = number(name, m.group(1));
            final BigDecimal to = number(name, m.group(2));
            final BigDecimal step = number(name, m.group(3));
            if (step.signum() <= 0 || to.compareTo(from) < 0) {
                throw new ConfigException("--param", name + ": needs FROM <= TO and a positive STEP, got " + spec);
            }
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                if (values.size() == MAX_VALUES) {
                    throw new ConfigException("--param", name + ": more than " + MAX_VALUES + " values");
                }
                values.add(v);
            }
        } else {
            for (String part : spec.split(",", -1)) {
                values.add(number(name, part));
            }
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new ConfigException("--param", name + ": a value is listed twice in " + spec);
        }
        return new ParamRange(name, values);
    }

    private static BigDecimal number(String name, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("--param", name + ": '" + text + "' is not a number");
        }
    }

    /** True when every value is a whole number (the override is then an integer). */
    public boolean integral() {
        return values.stream().allMatch(v -> v.stripTrailingZeros().scale() <= 0);
    }

    /** Value {@code i} as a configuration override value: a Long when integral, else a Double. */
    public Object overrideValue(int i) {
        return integral() ? (Object) values.get(i).longValueExact() : (Object) values.get(i).doubleValue();
    }

    /** Value {@code i} as text (plain, no exponent). */
    public String text(int i) {
        return integral() ? Long.toString(values.get(i).longValueExact()) : values.get(i).stripTrailingZeros()
            .toPlainString();
    }
}
