package vn.ntm.support.messaging;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What a failed poll of a batch-mode binding tells the container's error handler, and what it means. */
final class ConsumerFailures {

    private ConsumerFailures() {
    }

    /** Record {@code index} of the poll failed with {@code cause}; the records before it are committed. */
    static BatchListenerFailedException atRecord(int index, Throwable cause) {
        return new BatchListenerFailedException("record " + index + " of the poll failed: " + cause, cause, index);
    }

    /**
     * Why a record failed, as the dead letter tells it: the failure the consumer named, without the layers the
     * binder and the container wrapped around it.
     */
    static Exception reason(Exception thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BatchListenerFailedException named && named.getCause() instanceof Exception cause) {
                return cause;
            }
        }
        return thrown;
    }

    /**
     * Whether the failure is the database's (or another dependency's) rather than the record's: no connection, a
     * lost one, a lock or deadlock given up on. Any record would have failed alike.
     */
    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
