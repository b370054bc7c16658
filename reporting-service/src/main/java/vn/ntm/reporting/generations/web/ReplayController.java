package vn.ntm.reporting.generations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;
import vn.ntm.reporting.generations.command.History;
import vn.ntm.reporting.generations.command.Replay;
import vn.ntm.reporting.generations.command.ReplayRuns;
import vn.ntm.reporting.generations.query.GenerationComparison;

/**
 * Rebuilding the read models from the start of history beside the live ones (ADR 7). A replay rebuilds every unit's
 * read model at once, for everyone: starting, cancelling and comparing it is for analysts and provincial
 * administrators whose scope is the whole platform. Its progress (counts of events, no unit's data) is shown on every
 * dashboard.
 */
@RestController
@Access(roles = {Role.ANALYST, Role.PROVINCIAL_ADMIN}, wholePlatform = true)
@RequestMapping("/api/replay")
@Tag(name = "replay", description = "Rebuild every read model from the start of history without downtime")
class ReplayController {

    private final Replay replay;
    private final ReplayRuns runs;
    private final History history;
    private final GenerationComparison comparison;

    ReplayController(Replay replay, ReplayRuns runs, History history, GenerationComparison comparison) {
        this.replay = replay;
        this.runs = runs;
        this.history = history;
        this.comparison = comparison;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a replay into the generation that is not live",
            description = "Answers at once (202) with the progress; 409 while a replay runs on any instance (its "
                    + "lease, ADR 18). The live generation keeps serving until the rebuilt one has caught up with the "
                    + "end of the topics and takes over.")
    ReplayRuns.Progress start() {
        return replay.start();
    }

    @GetMapping
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER})
    @Operation(summary = "Progress of the running or last replay",
            description = "state (IDLE, RUNNING, SWAPPING, DONE, FAILED, CANCELLED), events done of total, rate "
                    + "per second, seconds left at that rate, the generation being built and the live one, the "
                    + "instance running it and until when its lease holds; the same on every instance.")
    ReplayRuns.Progress progress() {
        return runs.progress();
    }

    @DeleteMapping
    @Operation(summary = "Cancel the running replay, on whichever instance it runs, before it takes over; the live "
            + "generation is unchanged")
    ReplayRuns.Progress cancel() {
        return replay.cancel();
    }

    @GetMapping("/sources")
    @Operation(summary = "The Kafka topics history is replayed from, with their retention (-1: kept forever)")
    List<History.Source> sources() {
        return history.sources();
    }

    @GetMapping("/comparison")
    @Operation(summary = "The live generation compared row by row with the other one",
            description = "Right after a replay: the rebuilt generation (live now) against the one it replaced.")
    GenerationComparison.Comparison comparison() {
        return comparison.compare();
    }
}
