package vn.ntm.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;

class SendAcknowledgementsTest {

    private final SendAcknowledgements acknowledgements = new SendAcknowledgements(Duration.ofSeconds(5));

    @Test
    void anAcknowledgedSendCompletesItsFuture() {
        SendAcknowledgements.Pending pending = acknowledgements.expect();
        acknowledgements.acknowledged(MessageBuilder.withPayload(new byte[0])
                .setHeader(SendAcknowledgements.SEND_ID_HEADER, pending.sendId()).build());
        assertThat(pending.ack()).isCompleted();
        assertThat(acknowledgements.pendingCount()).isZero();
    }

    @Test
    void aFailedSendFailsItsFutureWithKafkasReason() {
        SendAcknowledgements.Pending pending = acknowledgements.expect();
        var failed = MessageBuilder.withPayload(new byte[0])
                .setHeader(SendAcknowledgements.SEND_ID_HEADER, pending.sendId()).build();
        acknowledgements.failed(new ErrorMessage(new MessagingException(failed, "send failed",
                new IllegalStateException("broker down"))));
        assertThatThrownBy(() -> pending.ack().join()).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("broker down");
    }

    @Test
    void errorsThatAreNotAboutASendAreLeftAlone() {
        SendAcknowledgements.Pending pending = acknowledgements.expect();
        acknowledgements.failed(new ErrorMessage(new IllegalStateException("a consumer failed")));
        acknowledgements.failed(new ErrorMessage(new MessagingException(
                MessageBuilder.withPayload("other").build(), "not ours")));
        assertThat(pending.ack()).isNotDone();
    }

    @Test
    void silenceIsAFailureNotAnAcknowledgement() {
        SendAcknowledgements quick = new SendAcknowledgements(Duration.ofMillis(50));
        SendAcknowledgements.Pending pending = quick.expect();
        assertThatThrownBy(() -> pending.ack().join()).hasCauseInstanceOf(TimeoutException.class);
        assertThat(quick.pendingCount()).isZero();
    }
}
