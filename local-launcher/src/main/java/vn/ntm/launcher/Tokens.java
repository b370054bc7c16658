package vn.ntm.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the demo accounts, each obtained from the identity provider once and reused until shortly before
 * it expires (a person's lives 5 minutes): the end-to-end tests ask for one on almost every request.
 */
public final class Tokens {

    /** A token handed out stays valid at least this long, enough for one test step or demo request. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final SignIn signIn;
    private final Map<String, SignIn.Token> people = new ConcurrentHashMap<>();
    private volatile SignIn.Token machine;

    public Tokens(SignIn signIn) {
        this.signIn = signIn;
    }

    /** A demo user's token, signed in with the password of {@code demo/users.json}. */
    public String user(String username) {
        return people.compute(username, (name, cached) -> cached != null && cached.validFor(MARGIN) ? cached
                : signIn.person(name, DemoUsers.user(name).password())).value();
    }

    /** The operator's machine client ({@value DemoUsers#OPERATOR_CLIENT}: every role, the whole platform). */
    public String machine() {
        SignIn.Token current = machine;
        if (current != null && current.validFor(MARGIN)) {
            return current.value(); // the benchmark's clients ask on every request: no lock while it is valid
        }
        return renewMachine();
    }

    private synchronized String renewMachine() {
        if (machine == null || !machine.validFor(MARGIN)) {
            DemoUsers.DemoClient operator = DemoUsers.client(DemoUsers.OPERATOR_CLIENT);
            machine = signIn.machine(operator.clientId(), operator.secret());
        }
        return machine.value();
    }
}
