package vn.ntm.reporting.matrix;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.rules.RuleViolation;

/** The criteria matrix and what changed between two dates, for any subtree, as of any date, as known at any time. */
@RestController
@RequestMapping("/api")
@Tag(name = "matrix", description = "Criteria matrix, counts per level and changes between dates (as of / as known)")
class MatrixController {

    private final CriteriaMatrix matrix;
    private final StatusChanges changes;
    private final Clock clock = Clock.systemDefaultZone();

    MatrixController(CriteriaMatrix matrix, StatusChanges changes) {
        this.matrix = matrix;
        this.changes = changes;
    }

    @GetMapping("/matrix")
    @Operation(summary = "Units × criteria for a subtree, by the tree as it stood on asOf, as known at knownAt",
            description = "Each row is a unit (parents first) with its set, criterion and indicator statuses valid on "
                    + "asOf among the changes recorded by knownAt; each indicator cell names its threshold, whether "
                    + "the threshold is verified, its source and the set version. Units that ended into a unit of "
                    + "the subtree follow it (predecessorOf) with their standing on their last day. counts: per "
                    + "level, how many units meet each applicable criteria set.")
    CriteriaMatrix.Matrix matrix(
            @Parameter(description = "root of the subtree (default: the whole tree); a unit that had ended by asOf "
                    + "is answered by its successor") @RequestParam(required = false) String unit,
            @Parameter(description = "valid date (default: today)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "recorded time: what the platform knew then (default: now)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
            @Parameter(description = "only this criteria set (default: every set with data)")
            @RequestParam(required = false) String criteriaSet) {
        return matrix.matrix(query(unit, asOf, knownAt, criteriaSet));
    }

    @GetMapping("/changes")
    @Operation(summary = "What changed between two dates in a subtree",
            description = "cells: every indicator, criterion and set whose status on 'to' differs from its status on "
                    + "'from'; events: every status change valid after 'from' up to 'to'; units: renames, moves, "
                    + "attribute changes and endings in that time. All as known at knownAt.")
    StatusChanges.Changes changes(
            @RequestParam(required = false) String unit,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
            @RequestParam(required = false) String criteriaSet) {
        if (to.isBefore(from)) {
            throw RuleViolation.invalid("dates-reversed", "to", from, to);
        }
        CriteriaMatrix.Query before = query(unit, from, knownAt, criteriaSet);
        CriteriaMatrix.Query after = query(unit, to, knownAt, criteriaSet);
        return changes.between(before, after);
    }

    private CriteriaMatrix.Query query(String unit, LocalDate asOf, Instant knownAt, String criteriaSet) {
        if (unit != null) {
            try {
                UUID.fromString(unit);
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("invalid-unit-id", "unit", unit);
            }
        }
        return new CriteriaMatrix.Query(unit, asOf != null ? asOf : LocalDate.now(clock),
                knownAt != null ? knownAt : clock.instant(), criteriaSet);
    }
}
