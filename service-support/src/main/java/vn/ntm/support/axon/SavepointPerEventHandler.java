package vn.ntm.support.axon;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each event handler of a dead-lettering processing group inside a savepoint of the surrounding transaction.
 *
 * <p>PostgreSQL refuses every further statement of a transaction once one has failed. Axon records a dead letter in
 * the same transaction as the failed handler ran in (and, for a subscribing processor, the command's own events are
 * stored in it too), so without a savepoint the first failing SQL statement of a projection would take the dead letter
 * and the command down with it. Rolling back to the savepoint undoes only the handler's own writes.
 */
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final Set<String> deadLetteringGroups;
    private final DataSource dataSource;

    SavepointPerEventHandler(Set<String> deadLetteringGroups, DataSource dataSource) {
        this.deadLetteringGroups = Set.copyOf(deadLetteringGroups);
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(original.declaringClass(),
                ProcessingGroup.class);
        if (group == null || !deadLetteringGroups.contains(group.value())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        Object result = super.handle(message, target);
                        connection.releaseSavepoint(savepoint);
                        return result;
                    } catch (Exception | Error failure) {
                        connection.rollback(savepoint);
                        throw failure;
                    }
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        };
    }
}
