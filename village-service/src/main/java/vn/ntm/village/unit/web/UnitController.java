package vn.ntm.village.unit.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.village.unit.api.RegisterUnitCommand;
import vn.ntm.village.unit.api.SpecialStatus;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitName;
import vn.ntm.village.unit.command.UnitDirectory;
import vn.ntm.village.unit.command.UnitLookup;

@RestController
@RequestMapping("/api/units")
class UnitController {

    private final CommandGateway commands;
    private final UnitDirectory directory;
    private final ActorResolver actors;

    UnitController(CommandGateway commands, UnitDirectory directory, ActorResolver actors) {
        this.commands = commands;
        this.directory = directory;
        this.actors = actors;
    }

    /**
     * @param id optional: a client that wants retries to be safe chooses the id (a UUID); a second registration
     *           with the same id is refused with 409 and records nothing
     */
    record RegisterUnitRequest(String id,
                               @NotNull UnitLevel level,
                               @NotBlank @Size(max = UnitName.MAX_LENGTH) String name,
                               String parentId,
                               @NotNull LocalDate validFrom,
                               @Pattern(regexp = "[A-Z]{2,8}") String region,
                               @Size(max = 300) String legalBasis,
                               Integer communeGroup,
                               SpecialStatus specialStatus) {
    }

    @PostMapping
    ResponseEntity<UnitLookup.Entry> register(@Valid @RequestBody RegisterUnitRequest request) {
        UnitId id = request.id() == null || request.id().isBlank() ? UnitId.random() : new UnitId(request.id());
        UnitId parent = request.parentId() == null || request.parentId().isBlank() ? null : parentId(request.parentId());
        commands.sendAndWait(new RegisterUnitCommand(id, request.level(), new UnitName(request.name()), parent,
                request.validFrom(), request.region(), request.legalBasis(), request.communeGroup(),
                request.specialStatus() == null ? null : request.specialStatus().name(), actors.current()));
        return ResponseEntity.created(URI.create("/api/units/" + id)).body(directory.find(id).orElseThrow());
    }

    @GetMapping
    List<UnitLookup.Entry> all() {
        return directory.all();
    }

    @GetMapping("/{id}")
    UnitLookup.Entry one(@PathVariable String id) {
        return directory.find(new UnitId(id)).orElseThrow(() -> RuleViolation.notFound("unit-not-found", id));
    }

    private static UnitId parentId(String value) {
        try {
            return new UnitId(value);
        } catch (RuleViolation e) {
            throw RuleViolation.unknown("unknown-parent", "parentId", value);
        }
    }
}
