package vn.ntm.testing;

import java.time.LocalDate;
import java.util.List;

/**
 * A measurement as the tests' valid-time oracles write it down, apart from the code under test: the indicator, the
 * date the figure is valid on, the order it was recorded in, and whether it has been retracted since.
 */
public interface ValidTimeFact {

    String indicator();

    LocalDate validOn();

    int order();

    boolean retracted();

    /**
     * The fact that governs {@code indicator} on {@code on}: of those not retracted, the one valid latest on or before
     * that date, the later recorded where two are valid on the same date; null when there is none.
     */
    static <F extends ValidTimeFact> F governing(List<F> facts, String indicator, LocalDate on) {
        F governing = null;
        for (F f : facts) {
            if (!f.retracted() && f.indicator().equals(indicator) && !f.validOn().isAfter(on)
                    && (governing == null || f.validOn().isAfter(governing.validOn())
                    || f.validOn().equals(governing.validOn()) && f.order() > governing.order())) {
                governing = f;
            }
        }
        return governing;
    }
}
