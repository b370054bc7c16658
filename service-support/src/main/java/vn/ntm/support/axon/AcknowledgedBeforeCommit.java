package vn.ntm.support.axon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import vn.ntm.support.messaging.EventPublisher.AcknowledgementWait;

/**
 * Inside an Axon unit of work — the kafka-publisher processor handles a batch of stored events in one — Kafka's
 * acknowledgements are awaited together when the batch prepares to commit, after all of its sends are on their way
 * (so the producer batches them), and before the transaction that stores the processor's token commits. One
 * unacknowledged send fails the batch: the transaction rolls back, the token stays before the batch and the batch is
 * sent again (consumers drop the repeats by event id). Outside a unit of work the wait is immediate.
 */
class AcknowledgedBeforeCommit implements AcknowledgementWait {

    private static final String PENDING = AcknowledgedBeforeCommit.class.getName() + ".pending";

    @Override
    public void await(CompletableFuture<Void> ack, String what) {
        if (!CurrentUnitOfWork.isStarted()) {
            NOW.await(ack, what);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Sent> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Sent> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> sends.forEach(s -> AcknowledgementWait.join(s.ack(), s.what())));
            return sends;
        });
        pending.add(new Sent(ack, what));
    }

    private record Sent(CompletableFuture<Void> ack, String what) {
    }
}
