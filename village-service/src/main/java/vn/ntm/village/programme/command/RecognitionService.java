package vn.ntm.village.programme.command;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RecordSurvey;
import vn.ntm.village.programme.api.RequestRecognition;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.command.UnitDirectory;

/**
 * Resolves what a recognition command needs before it is sent: the unit in the path (404 when there is none), the
 * recognition's id (the client's, which must not be taken, or a new one), the recognition in the path (404), and the
 * villages a survey names (each must exist). The rules of the procedure are the aggregate's ({@link Recognition}).
 */
@Component
public class RecognitionService {

    private final CommandGateway commands;
    private final ProgrammeTables programme;
    private final UnitDirectory units;

    RecognitionService(CommandGateway commands, ProgrammeTables programme, UnitDirectory units) {
        this.commands = commands;
        this.programme = programme;
        this.units = units;
    }

    /**
     * Requests the recognition {@code command} builds for the unit and id resolved.
     *
     * @param requestedId the id the client chose in {@code field}, or null
     */
    public RecognitionId request(String unitId, String requestedId, String field,
                                 BiFunction<UnitId, RecognitionId, RequestRecognition> command) {
        UnitId unit = units.existing(unitId);
        RecognitionId recognitionId = RecognitionId.IDS.chosenOrNew(requestedId, field);
        if (programme.recognitionRequested(recognitionId)) {
            throw RuleViolation.conflict("recognition-id-taken", "recognitionId", recognitionId.value());
        }
        commands.sendAndWait(command.apply(unit, recognitionId));
        return recognitionId;
    }

    /** Sends the command {@code command} builds for the recognition in the path; 404 when there is none. */
    public RecognitionId send(String recognitionId, Function<RecognitionId, Object> command) {
        RecognitionId recognition = existing(recognitionId);
        Object built = command.apply(recognition);
        if (built instanceof RecordSurvey survey) {
            survey.villages().forEach(village -> {
                if (units.find(village.unitId()).isEmpty()) {
                    throw RuleViolation.unknown("unknown-unit", "villages", village.unitId().value());
                }
            });
        }
        commands.sendAndWait(built);
        return recognition;
    }

    private RecognitionId existing(String recognitionId) {
        return RecognitionId.IDS.parse(recognitionId).filter(programme::recognitionRequested)
                .orElseThrow(() -> RuleViolation.notFound("recognition-not-found", recognitionId));
    }
}
