package vn.ntm.reporting.generations.messaging;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.reporting.generations.command.Replay;
import vn.ntm.reporting.programme.messaging.ProgrammeFold;
import vn.ntm.reporting.statuses.messaging.StatusFold;
import vn.ntm.reporting.units.messaging.UnitFold;

/**
 * Folds integration events into every read model they concern. The live consumers and the replay use this same
 * fold, a poll at a time, which is what makes a rebuilt generation equal to the live one.
 */
@Component
class ReadModelFold implements Replay.Fold {

    private final UnitFold units;
    private final StatusFold statuses;
    private final ProgrammeFold programme;

    ReadModelFold(UnitFold units, StatusFold statuses, ProgrammeFold programme) {
        this.units = units;
        this.statuses = statuses;
        this.programme = programme;
    }

    /**
     * A poll (live or replayed) in the caller's transaction: the unit facts as one batch with each unit's versions
     * recomputed once (UnitFold#applyAll), the status history's inserts as batches (StatusFold#batched).
     * The projections do not read each other's tables while folding, so folding them one after the other builds what
     * folding event by event builds.
     */
    @Override
    public void acceptAll(List<Envelope<?>> events) {
        units.applyAll(events);
        statuses.batched(() -> events.forEach(event -> {
            statuses.apply(event);
            programme.apply(event);
        }));
    }
}
