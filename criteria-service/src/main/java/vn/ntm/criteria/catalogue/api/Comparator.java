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

    public boolean holds(BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return switch (this) {
            case GE -> c >= 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
        };
    }
}
