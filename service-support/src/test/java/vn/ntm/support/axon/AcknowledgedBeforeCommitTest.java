package vn.ntm.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class AcknowledgedBeforeCommitTest {

    private final AcknowledgedBeforeCommit wait = new AcknowledgedBeforeCommit();

    @Test
    void outsideAUnitOfWorkTheWaitIsImmediate() {
        CompletableFuture<Void> refused = CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        assertThatThrownBy(() -> wait.await(refused, "UnitRegistered 1"))
                .hasMessageContaining("Kafka did not acknowledge UnitRegistered 1");
    }

    @Test
    void aBatchWaitsForItsAcknowledgementsBeforeItCommits() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        AtomicBoolean committed = new AtomicBoolean();
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        unitOfWork.onCommit(u -> committed.set(true));
        wait.await(first, "first");
        wait.await(second, "second");
        // the sends were not awaited while the batch went on
        assertThat(committed).isFalse();
        first.complete(null);
        second.complete(null);
        unitOfWork.commit();
        assertThat(committed).isTrue();
    }

    @Test
    void oneUnacknowledgedSendRollsTheBatchBack() {
        AtomicBoolean committed = new AtomicBoolean();
        AtomicBoolean rolledBack = new AtomicBoolean();
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        unitOfWork.onCommit(u -> committed.set(true));
        unitOfWork.onRollback(u -> rolledBack.set(true));
        wait.await(CompletableFuture.completedFuture(null), "first");
        wait.await(CompletableFuture.failedFuture(new IllegalStateException("broker down")), "second");
        assertThatThrownBy(unitOfWork::commit).hasMessageContaining("Kafka did not acknowledge second");
        assertThat(committed).isFalse();
        assertThat(rolledBack).isTrue();
    }
}
