package vn.ntm.reporting.matrix.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.reporting.access.query.CallerScope;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.reporting.matrix.query.CriteriaMatrix;
import vn.ntm.reporting.matrix.query.StatusChanges;

/** The criteria matrix and what changed between two dates, for any subtree, as of any date, as known at any time. */
@RestController
@RequestMapping("/api")
@Tag(name = "matrix", description = "Criteria matrix, counts per level and changes between dates (as of / as known)")
class MatrixController {

    private final CriteriaMatrix matrix;
    private final StatusChanges changes;
    private final CallerScope scope;
    private final AccessGuard access;
    private final Clock clock;

    MatrixController(CriteriaMatrix matrix, StatusChanges changes, CallerScope scope, AccessGuard access,
                     Clock clock) {
        this.matrix = matrix;
        this.changes = changes;
        this.scope = scope;
        this.access = access;
        this.clock = clock;
    }

    /** A unit named must be covered on asOf; without one, the matrix has the units the caller covers on asOf. */
    @GetMapping("/matrix")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER}, unit = "unit",
            on = "asOf")
    @Operation(summary = "Units × criteria for a subtree, by the tree as it stood on asOf, as known at knownAt",
            description = "Each row is a unit (parents first) with its set and criterion statuses on asOf as known "
                    + "at knownAt (of the status stretches that hold asOf and were recorded by then, the latest "
                    + "recorded), each naming the set version it was judged by; criteriaSets describes each set by "
                    + "the version in force on asOf. With indicators=true also its indicator statuses, each "
                    + "naming its threshold, whether the threshold is verified, its source and the set version. "
                    + "depth: only units at most that many levels below the root (0: the root alone). Units that "
                    + "ended into a listed unit follow it (predecessorOf) with their standing on their last day. "
                    + "counts: per level, how many of the listed units meet each applicable criteria set.")
    CriteriaMatrix.Matrix matrix(
            @ParameterObject ReportQuery query,
            @Parameter(description = "also each unit's indicator cells (default: sets and criteria only)")
            @RequestParam(defaultValue = "false") boolean indicators,
            @Parameter(description = "levels below the root to list, 0 = the root alone (default: all)")
            @RequestParam(required = false) Integer depth) {
        if (depth != null && depth < 0) {
            throw RuleViolation.invalid("negative-depth", "depth", depth);
        }
        CriteriaMatrix.Query q = query.resolve(clock);
        return matrix.matrix(q, q.root() != null ? unit -> true : scope.covering(q.asOf()),
                new CriteriaMatrix.Detail(indicators, depth));
    }

    /** A unit named must be covered on both dates; without one, each date has the units the caller covers then. */
    @GetMapping("/changes")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER}, unit = "unit",
            on = "to")
    @Operation(summary = "What changed between two dates in a subtree",
            description = "cells: every indicator, criterion and set whose status on 'to' differs from its status on "
                    + "'from'; events: every date after 'from' up to 'to' on which an indicator's, criterion's or "
                    + "set's status differs from the day before (previousStatus → status), from the status timelines "
                    + "as known at knownAt, so a fact recorded later about earlier dates shows where it changed them; "
                    + "units: renames, moves, attribute changes and endings in that time. All as known at knownAt.")
    StatusChanges.Changes changes(
            @RequestParam(required = false) String unit,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ReportQuery.KNOWN_AT)
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(required = false) String criteriaSet) {
        if (to.isBefore(from)) {
            throw RuleViolation.invalid("dates-reversed", "to", from, to);
        }
        CriteriaMatrix.Query before = new ReportQuery(unit, from, knownAt, criteriaSet).resolve(clock);
        CriteriaMatrix.Query after = new ReportQuery(unit, to, knownAt, criteriaSet).resolve(clock);
        if (unit != null) {
            access.require(unit, from);
            return changes.between(before, after, any -> true, any -> true);
        }
        return changes.between(before, after, scope.covering(from), scope.covering(to));
    }
}
