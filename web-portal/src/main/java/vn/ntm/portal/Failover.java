package vn.ntm.portal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends a request to another instance when the one chosen does not answer, wrapped around the gateway's {@code lb()}
 * filter so that every attempt chooses again. What may be retried depends on what the service may have seen:
 * <ul>
 *   <li>the connection was never made (refused, no route, name gone, connect timeout): nothing reached the service, so
 *       any request is sent again, writes included;</li>
 *   <li>the connection broke or timed out after the request was sent: a read ({@code GET}, {@code HEAD},
 *       {@code OPTIONS}) is sent again, a write is not (it may have been applied; sending it again could apply it
 *       twice), and the browser is told the outcome is unknown.</li>
 * </ul>
 * Spring Framework's {@link RetryTemplate} without delay: the gateway's own retry filter (5.0) waits a fixed second
 * between attempts, which every request to a stopped instance would pay.
 */
final class Failover implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RetryTemplate reads;
    private final RetryTemplate writes;

    /** @param attempts how many instances to try at most for one request */
    Failover(int attempts) {
        this.reads = template(attempts, Failover::notSent, ResourceAccessException.class::isInstance);
        this.writes = template(attempts, Failover::notSent);
    }

    @SafeVarargs
    private static RetryTemplate template(int attempts, Predicate<Throwable>... retryable) {
        Predicate<Throwable> any = failure -> false;
        for (Predicate<Throwable> each : retryable) {
            any = any.or(each);
        }
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(Math.max(0, attempts - 1))
                .delay(Duration.ZERO)
                .predicate(any)
                .build());
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        RetryTemplate template = READS.contains(request.method()) ? reads : writes;
        try {
            return template.execute(() -> next.handle(request));
        } catch (RetryException e) {
            Throwable last = e.getLastException();
            if (notSent(last) || noInstance(last)) {
                return Unanswered.notSent(request);
            }
            if (last instanceof ResourceAccessException) {
                return READS.contains(request.method()) ? Unanswered.notSent(request) : Unanswered.unknown(request);
            }
            if (last instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }

    /** The connection to the instance was never made: the service saw nothing of the request. */
    static boolean notSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The load balancer had no instance to offer (none configured, or none resolves). */
    private static boolean noInstance(Throwable failure) {
        return failure instanceof HttpServerErrorException error && error.getStatusCode().value() == 503;
    }
}
