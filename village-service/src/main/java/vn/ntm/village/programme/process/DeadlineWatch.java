package vn.ntm.village.programme.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ntm.village.programme.api.PlanCommands.MarkDeadlineMissed;
import vn.ntm.village.programme.command.ProgrammeDirectory;

/**
 * Marks plan tasks missed once their due date has passed while they are open: a task due on 05/4/2024 is missed from
 * 06/4/2024. Driven by the service's {@link Clock} (tests set it), checked every minute and at start; the plan
 * aggregate records each miss once, so several instances or a repeated check change nothing.
 */
@Component
public class DeadlineWatch {

    private final ProgrammeDirectory programme;
    private final CommandGateway commands;
    private final Clock clock;

    DeadlineWatch(ProgrammeDirectory programme, CommandGateway commands, Clock clock) {
        this.programme = programme;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${ntm.deadlines.initial-delay-ms:5000}",
            fixedDelayString = "${ntm.deadlines.check-every-ms:60000}")
    public void check() {
        LocalDate today = LocalDate.now(clock);
        for (Map<String, Object> task : programme.overdue(today)) {
            commands.sendAndWait(new MarkDeadlineMissed((String) task.get("planId"), (String) task.get("taskId"),
                    today));
        }
    }
}
