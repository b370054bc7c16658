package vn.ntm.village.programme.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Laying a stretch received over the stretches a timeline holds: the cuts at its edges; what was recorded later. */
class ValidTimeTest {

    static final Instant EARLY = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant LATE = Instant.parse("2025-06-01T00:00:00Z");

    record Held(LocalDate from, LocalDate until, String value, Instant recordedAt) implements ValidTime.Stretch<Held> {
        @Override
        public Held between(LocalDate from, LocalDate until) {
            return new Held(from, until, value, recordedAt);
        }
    }

    static Held held(String from, String until, String value, Instant recordedAt) {
        return new Held(LocalDate.parse(from), until == null ? null : LocalDate.parse(until), value, recordedAt);
    }

    /** Catches an upsert of "the current row": an open-ended stretch would then swallow the back-dated one's end. */
    @Test
    void aBoundedStretchInsideAnOpenEndedOneCutsItInThree() {
        assertThat(ValidTime.laid(held("2024-03-01", "2024-06-01", "NOT_MET", LATE),
                List.of(held("2024-01-01", null, "MET", EARLY))))
                .containsExactly(held("2024-01-01", "2024-03-01", "MET", EARLY),
                        held("2024-06-01", null, "MET", EARLY),
                        held("2024-03-01", "2024-06-01", "NOT_MET", LATE));
    }

    /** Catches a stretch that replaces only the row starting on its date, leaving later ones to shadow it. */
    @Test
    void anOpenEndedStretchReplacesEverythingFromItsStartAndCutsTheRowBefore() {
        assertThat(ValidTime.laid(held("2024-05-01", null, "MET", LATE), List.of(
                held("2024-01-01", "2024-06-01", "NOT_MET", EARLY),
                held("2024-06-01", "2024-09-01", "UNKNOWN", EARLY),
                held("2024-09-01", null, "NOT_MET", EARLY))))
                .containsExactly(held("2024-01-01", "2024-05-01", "NOT_MET", EARLY),
                        held("2024-05-01", null, "MET", LATE));
    }

    /** Catches arrival order taken for recorded order: a dead letter replayed late must not undo newer knowledge. */
    @Test
    void whatWasRecordedLaterKeepsItsDatesAndTheStretchFillsTheRest() {
        assertThat(ValidTime.laid(held("2024-01-01", "2024-12-01", "OLD", EARLY), List.of(
                held("2023-06-01", "2024-03-01", "NEWER", LATE),
                held("2024-05-01", "2024-06-01", "NEWER", LATE),
                held("2024-11-01", null, "NEWER", LATE))))
                .containsExactly(held("2023-06-01", "2024-03-01", "NEWER", LATE),
                        held("2024-03-01", "2024-05-01", "OLD", EARLY),
                        held("2024-05-01", "2024-06-01", "NEWER", LATE),
                        held("2024-06-01", "2024-11-01", "OLD", EARLY),
                        held("2024-11-01", null, "NEWER", LATE));
    }

    @Test
    void aStretchThatEndsBeforeItStartsOrHasNoStartIsRefused() {
        assertThatThrownBy(() -> ValidTime.check(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValidTime.check(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
