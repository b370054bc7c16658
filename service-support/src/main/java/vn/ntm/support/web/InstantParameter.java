package vn.ntm.support.web;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.format.Formatter;

/**
 * How a request names an instant (a recorded time such as {@code knownAt}): an ISO instant
 * ({@code 2026-12-02T10:00:00Z}), an ISO date-time with its offset ({@code 2026-12-02T17:00:00+07:00}), or a plain
 * date ({@code 2026-12-02}), which means the end of that day in Vietnam — everything recorded on that day is known.
 * A person asking "what did we know on 2 December" types a date; the other forms are for machines.
 */
public final class InstantParameter implements Formatter<Instant> {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The last instant of a day in Vietnam that PostgreSQL can store (microseconds). */
    public static Instant endOfDayInVietnam(LocalDate date) {
        return date.plusDays(1).atStartOfDay(WebAutoConfiguration.VIETNAM).toInstant().minus(1, ChronoUnit.MICROS);
    }

    @Override
    public Instant parse(String text, Locale locale) throws ParseException {
        String value = text.trim();
        try {
            if (DATE.matcher(value).matches()) {
                return endOfDayInVietnam(LocalDate.parse(value));
            }
            if (value.endsWith("Z") || value.endsWith("z")) {
                return Instant.parse(value.toUpperCase(Locale.ROOT));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new ParseException("Not an ISO instant, date-time with offset or date: " + text, 0);
        }
    }

    @Override
    public String print(Instant instant, Locale locale) {
        return instant.toString();
    }
}
