package vn.ntm.criteria.catalogue.api;

import java.math.BigDecimal;

/** How a measured number is compared with its threshold. */
public enum Comparator {
    GE("≥"), LE("≤"), EQ("=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * How far a value is from failing the comparison, the same way for every comparator: positive when it holds with
     * room to spare (that much), zero when it holds just, negative when it falls short by that much. For ≥ the value
     * minus the threshold, for ≤ the threshold minus the value; = holds only on the threshold, so any difference is
     * a shortfall.
     */
    public BigDecimal margin(BigDecimal value, BigDecimal threshold) {
        BigDecimal above = value.subtract(threshold);
        return switch (this) {
            case GE -> above;
            case LE -> above.negate();
            case EQ -> above.abs().negate();
        };
    }

    public boolean holds(BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return switch (this) {
            case GE -> c >= 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
        };
    }
}
