package vn.ntm.village.programme.command;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import vn.ntm.village.programme.api.MarkDeadlineMissed;

/**
 * Marks plan tasks missed once their due date has passed while they are open: a task due on 05/4/2024 is missed from
 * 06/4/2024. Driven by the service's {@link Clock} (tests set it), checked every minute and at start (scheduled by
 * the config as {@code ntm.deadlines.*} say); the plan aggregate records each miss once, so several instances or a
 * repeated check change nothing.
 */
@Component
public class DeadlineWatch {

    private final ProgrammeTables programme;
    private final CommandGateway commands;
    private final Clock clock;

    DeadlineWatch(ProgrammeTables programme, CommandGateway commands, Clock clock) {
        this.programme = programme;
        this.commands = commands;
        this.clock = clock;
    }

    public void check() {
        LocalDate today = LocalDate.now(clock);
        for (ProgrammeTables.TaskRef task : programme.overdue(today)) {
            commands.sendAndWait(new MarkDeadlineMissed(task.planId(), task.taskId(), today));
        }
    }
}
