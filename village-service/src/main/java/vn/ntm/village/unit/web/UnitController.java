package vn.ntm.village.unit.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.village.unit.api.RegisterUnitCommand;
import vn.ntm.village.unit.api.SpecialStatus;
import vn.ntm.village.unit.api.UnitCommands;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitName;
import vn.ntm.village.unit.command.UnitDirectory;
import vn.ntm.village.unit.command.UnitLookup;

/**
 * The administrative units over time: register them, record each change with the date it takes effect and its legal
 * basis, and read the tree as it stood on any date.
 */
@RestController
@RequestMapping("/api")
class UnitController {

    private final CommandGateway commands;
    private final UnitDirectory directory;
    private final ActorResolver actors;
    private final AccessGuard access;
    private final Clock clock;

    UnitController(CommandGateway commands, UnitDirectory directory, ActorResolver actors, AccessGuard access,
                   Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.actors = actors;
        this.access = access;
        this.clock = clock;
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

    record RenameRequest(@NotBlank @Size(max = UnitName.MAX_LENGTH) String name, @NotNull LocalDate validFrom,
                         @NotBlank @Size(max = 300) String legalBasis) {
    }

    record MoveRequest(@NotBlank String parentId, @NotNull LocalDate validFrom,
                       @NotBlank @Size(max = 300) String legalBasis) {
    }

    record AttributesRequest(@Pattern(regexp = "[A-Z]{2,8}") String region, Integer communeGroup,
                             SpecialStatus specialStatus, @NotNull LocalDate validFrom,
                             @NotBlank @Size(max = 300) String legalBasis) {
    }

    record DissolutionRequest(@NotNull LocalDate validFrom, @NotBlank @Size(max = 300) String legalBasis) {
    }

    record MergerRequest(@NotEmpty @Size(max = 50) List<@NotBlank String> sourceIds, @NotBlank String successorId,
                         @NotNull LocalDate validFrom, @NotBlank @Size(max = 300) String legalBasis) {
    }

    record SplitRequest(@NotBlank String sourceId, @NotEmpty @Size(max = 50) List<@Valid @NotNull Share> shares,
                        @NotNull LocalDate validFrom, @NotBlank @Size(max = 300) String legalBasis) {

        record Share(@NotBlank String successorId, @NotNull @Size(max = 500) List<@NotBlank String> unitIds) {
        }
    }

    /** A unit and where it stands: its version, its path, and the units before and after it. */
    record UnitView(@JsonUnwrapped UnitLookup.Entry unit, List<UnitLookup.Entry> children, List<String> predecessorIds) {
    }

    /** A unit is registered under a parent the administrator holds on that date; a province needs the platform. */
    @PostMapping("/units")
    @Access(roles = Role.PROVINCIAL_ADMIN)
    ResponseEntity<UnitLookup.Entry> register(@Valid @RequestBody RegisterUnitRequest request) {
        UnitId id = request.id() == null || request.id().isBlank() ? UnitId.random() : new UnitId(request.id());
        UnitId parent = request.parentId() == null || request.parentId().isBlank() ? null
                : reference(request.parentId(), "unknown-parent", "parentId");
        if (parent == null) {
            access.requireWholePlatform();
        } else {
            access.require(parent.value(), request.validFrom());
        }
        commands.sendAndWait(new RegisterUnitCommand(id, request.level(), new UnitName(request.name()), parent,
                request.validFrom(), request.region(), request.legalBasis(), request.communeGroup(),
                request.specialStatus() == null ? null : request.specialStatus().name(), actors.current()));
        return ResponseEntity.created(URI.create("/api/units/" + id)).body(directory.find(id).orElseThrow());
    }

    @PostMapping("/units/{id}/renames")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry rename(@PathVariable String id, @Valid @RequestBody RenameRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        commands.sendAndWait(new UnitCommands.RenameUnit(unit, new UnitName(request.name()), request.validFrom(),
                request.legalBasis(), actors.current()));
        return directory.find(unit).orElseThrow();
    }

    @PostMapping("/units/{id}/moves")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry move(@PathVariable String id, @Valid @RequestBody MoveRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        UnitId parent = reference(request.parentId(), "unknown-parent", "parentId");
        access.require(parent.value(), request.validFrom());
        commands.sendAndWait(new UnitCommands.MoveUnit(unit, parent, request.validFrom(), request.legalBasis(),
                actors.current()));
        return directory.find(unit).orElseThrow();
    }

    @PostMapping("/units/{id}/attribute-changes")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry changeAttributes(@PathVariable String id, @Valid @RequestBody AttributesRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        commands.sendAndWait(new UnitCommands.ChangeUnitAttributes(unit, request.region(), request.communeGroup(),
                request.specialStatus() == null ? null : request.specialStatus().name(), request.validFrom(),
                request.legalBasis(), actors.current()));
        return directory.find(unit).orElseThrow();
    }

    @PostMapping("/units/{id}/dissolution")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry dissolve(@PathVariable String id, @Valid @RequestBody DissolutionRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        commands.sendAndWait(new UnitCommands.DissolveUnit(unit, request.validFrom(), request.legalBasis(),
                actors.current()));
        return directory.find(unit).orElseThrow();
    }

    /** Every unit a merger or split touches must be the administrator's on the date it takes effect. */
    @PostMapping("/mergers")
    @Access(roles = Role.PROVINCIAL_ADMIN)
    UnitView merge(@Valid @RequestBody MergerRequest request) {
        UnitId successor = reference(request.successorId(), "unknown-unit", "successorId");
        List<UnitId> sources = request.sourceIds().stream().map(s -> reference(s, "unknown-unit", "sourceIds"))
                .toList();
        requireAll(sources, request.validFrom());
        requireAll(List.of(successor), request.validFrom());
        commands.sendAndWait(new UnitCommands.MergeUnits(sources, successor, request.validFrom(),
                request.legalBasis(), actors.current()));
        return view(successor, request.validFrom());
    }

    @PostMapping("/splits")
    @Access(roles = Role.PROVINCIAL_ADMIN)
    List<UnitLookup.Entry> split(@Valid @RequestBody SplitRequest request) {
        UnitId source = reference(request.sourceId(), "unknown-unit", "sourceId");
        List<UnitCommands.SplitUnit.Share> shares = request.shares().stream()
                .map(s -> new UnitCommands.SplitUnit.Share(reference(s.successorId(), "unknown-unit", "shares"),
                        s.unitIds().stream().map(u -> reference(u, "unknown-unit", "shares")).toList()))
                .toList();
        requireAll(List.of(source), request.validFrom());
        shares.forEach(share -> {
            requireAll(List.of(share.successorId()), request.validFrom());
            requireAll(share.childIds(), request.validFrom());
        });
        commands.sendAndWait(new UnitCommands.SplitUnit(source, shares, request.validFrom(), request.legalBasis(),
                actors.current()));
        return shares.stream().map(s -> directory.findWithPathOn(s.successorId(), request.validFrom()).orElseThrow())
                .toList();
    }

    /**
     * Every unit ever registered in its latest version; with {@code on}, the tree as it stood that day. Only the units
     * the caller's scope covers (on that day, or today for the latest versions) are listed.
     */
    @GetMapping("/units")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN})
    List<UnitLookup.Entry> all(@RequestParam(required = false) LocalDate on) {
        List<UnitLookup.Entry> units = on == null ? directory.all() : directory.treeOn(on);
        return access.caller().wholePlatform() ? units
                : units.stream().filter(unit -> access.covers(unit.id().value(), on)).toList();
    }

    /** The unit in its latest version, or as it stood on {@code on}, with its units of that day. */
    @GetMapping("/units/{id}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "id", on = "on")
    UnitView one(@PathVariable String id, @RequestParam(required = false) LocalDate on) {
        return view(existing(id), on);
    }

    /** Every version of the unit, oldest first: names, parents, attributes, each with its dates and legal basis. */
    @GetMapping("/units/{id}/versions")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "id")
    List<UnitLookup.Entry> versions(@PathVariable String id) {
        return directory.versions(existing(id));
    }

    private UnitView view(UnitId id, LocalDate on) {
        UnitLookup.Entry latest = directory.find(id).orElseThrow();
        LocalDate day = on != null ? on
                : latest.endedOn() != null ? latest.endedOn().minusDays(1) : LocalDate.now(clock);
        UnitLookup.Entry unit = on == null ? latest : directory.findWithPathOn(id, day).orElseThrow(
                () -> RuleViolation.notFound("unit-not-in-force-on", latest.name(), day));
        return new UnitView(unit, directory.childrenOn(id, day),
                directory.predecessors(id).stream().map(UnitId::value).toList());
    }

    private void requireAll(List<UnitId> units, LocalDate on) {
        units.forEach(unit -> access.require(unit.value(), on));
    }

    private UnitId existing(String id) {
        return directory.existing(id);
    }

    private static UnitId reference(String value, String problem, String field) {
        try {
            return new UnitId(value);
        } catch (RuleViolation e) {
            throw RuleViolation.unknown(problem, field, value);
        }
    }
}
