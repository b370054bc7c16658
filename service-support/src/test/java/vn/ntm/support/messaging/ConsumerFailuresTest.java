package vn.ntm.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.transaction.CannotCreateTransactionException;

class ConsumerFailuresTest {

    @Test
    void aFailedRecordIsNamedByItsPlaceInThePoll() {
        BatchListenerFailedException failed = ConsumerFailures.atRecord(3, new UndecodableEvent("truncated"));

        assertThat(failed.getIndex()).isEqualTo(3);
        assertThat(failed.getCause()).isInstanceOf(UndecodableEvent.class);
    }

    @Test
    void aDeadLetterTellsTheFailureTheConsumerNamedNotTheLayersAroundIt() {
        UndecodableEvent named = new UndecodableEvent("not a readable integration event: truncated");
        Exception asTheContainerSeesIt = new ListenerExecutionFailedException("Listener failed",
                new MessageHandlingException(new GenericMessage<>("poll"), ConsumerFailures.atRecord(1, named)));

        assertThat(ConsumerFailures.reason(asTheContainerSeesIt)).isSameAs(named);
    }

    @Test
    void aFailureNobodyNamedIsToldAsItCame() {
        IllegalStateException unnamed = new IllegalStateException("no record named");

        assertThat(ConsumerFailures.reason(unnamed)).isSameAs(unnamed);
    }

    @Test
    void aDatabaseThatDoesNotAnswerOrALockGivenUpOnIsNotTheRecordsFault() {
        assertThat(ConsumerFailures.unavailable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(ConsumerFailures.unavailable(new QueryTimeoutException("canceling statement"))).isTrue();
    }

    @Test
    void aRefusedRowOrAnUnreadableRecordIsTheRecordsFault() {
        assertThat(ConsumerFailures.unavailable(new DataIntegrityViolationException("check constraint"))).isFalse();
        assertThat(ConsumerFailures.unavailable(new UndecodableEvent("truncated"))).isFalse();
    }
}
