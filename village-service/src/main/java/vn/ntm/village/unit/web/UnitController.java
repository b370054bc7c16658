package vn.ntm.village.unit.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.village.unit.api.ChangeUnitAttributes;
import vn.ntm.village.unit.api.DissolveUnit;
import vn.ntm.village.unit.api.MergeUnits;
import vn.ntm.village.unit.api.MoveUnit;
import vn.ntm.village.unit.api.RegisterUnit;
import vn.ntm.village.unit.api.RenameUnit;
import vn.ntm.village.unit.api.SpecialStatus;
import vn.ntm.village.unit.api.SplitUnit;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitName;
import vn.ntm.village.unit.command.UnitLookup;
import vn.ntm.village.unit.query.UnitQueries;
import vn.ntm.village.unit.query.UnitView;

/**
 * The administrative units over time: register them, record each change with the date it takes effect and its legal
 * basis, and read the tree as it stood on any date.
 */
@RestController
@RequestMapping("/api")
class UnitController {

    private final CommandGateway commands;
    private final UnitQueries units;
    private final ActorResolver actors;
    private final AccessGuard access;

    UnitController(CommandGateway commands, UnitQueries units, ActorResolver actors, AccessGuard access) {
        this.commands = commands;
        this.units = units;
        this.actors = actors;
        this.access = access;
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
        commands.sendAndWait(new RegisterUnit(id, request.level(), new UnitName(request.name()), parent,
                request.validFrom(), request.region(), request.legalBasis(), request.communeGroup(),
                request.specialStatus() == null ? null : request.specialStatus().name(), actors.current()));
        return ResponseEntity.created(URI.create("/api/units/" + id)).body(units.latest(id));
    }

    @PostMapping("/units/{id}/renames")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry rename(@PathVariable String id, @Valid @RequestBody RenameRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        commands.sendAndWait(new RenameUnit(unit, new UnitName(request.name()), request.validFrom(),
                request.legalBasis(), actors.current()));
        return units.latest(unit);
    }

    @PostMapping("/units/{id}/moves")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry move(@PathVariable String id, @Valid @RequestBody MoveRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        UnitId parent = reference(request.parentId(), "unknown-parent", "parentId");
        access.require(parent.value(), request.validFrom());
        commands.sendAndWait(new MoveUnit(unit, parent, request.validFrom(), request.legalBasis(),
                actors.current()));
        return units.latest(unit);
    }

    @PostMapping("/units/{id}/attribute-changes")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry changeAttributes(@PathVariable String id, @Valid @RequestBody AttributesRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        commands.sendAndWait(new ChangeUnitAttributes(unit, request.region(), request.communeGroup(),
                request.specialStatus() == null ? null : request.specialStatus().name(), request.validFrom(),
                request.legalBasis(), actors.current()));
        return units.latest(unit);
    }

    @PostMapping("/units/{id}/dissolution")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "id")
    UnitLookup.Entry dissolve(@PathVariable String id, @Valid @RequestBody DissolutionRequest request) {
        UnitId unit = existing(id);
        access.require(unit.value(), request.validFrom());
        commands.sendAndWait(new DissolveUnit(unit, request.validFrom(), request.legalBasis(),
                actors.current()));
        return units.latest(unit);
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
        commands.sendAndWait(new MergeUnits(sources, successor, request.validFrom(),
                request.legalBasis(), actors.current()));
        return units.view(successor, request.validFrom());
    }

    @PostMapping("/splits")
    @Access(roles = Role.PROVINCIAL_ADMIN)
    List<UnitLookup.Entry> split(@Valid @RequestBody SplitRequest request) {
        UnitId source = reference(request.sourceId(), "unknown-unit", "sourceId");
        List<SplitUnit.Share> shares = request.shares().stream()
                .map(s -> new SplitUnit.Share(reference(s.successorId(), "unknown-unit", "shares"),
                        s.unitIds().stream().map(u -> reference(u, "unknown-unit", "shares")).toList()))
                .toList();
        requireAll(List.of(source), request.validFrom());
        shares.forEach(share -> {
            requireAll(List.of(share.successorId()), request.validFrom());
            requireAll(share.childIds(), request.validFrom());
        });
        commands.sendAndWait(new SplitUnit(source, shares, request.validFrom(), request.legalBasis(),
                actors.current()));
        return shares.stream().map(s -> units.onDate(s.successorId(), request.validFrom()))
                .toList();
    }

    /**
     * Every unit ever registered in its latest version; with {@code on}, the tree as it stood that day. Only the units
     * the caller's scope covers (on that day, or today for the latest versions) are listed.
     */
    @GetMapping("/units")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN})
    List<UnitLookup.Entry> all(@RequestParam(required = false) LocalDate on) {
        List<UnitLookup.Entry> all = units.all(on);
        return access.caller().wholePlatform() ? all
                : all.stream().filter(unit -> access.covers(unit.id().value(), on)).toList();
    }

    /** The unit in its latest version, or as it stood on {@code on}, with its units of that day. */
    @GetMapping("/units/{id}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "id", on = "on")
    UnitView one(@PathVariable String id, @RequestParam(required = false) LocalDate on) {
        return units.view(existing(id), on);
    }

    /** Every version of the unit, oldest first: names, parents, attributes, each with its dates and legal basis. */
    @GetMapping("/units/{id}/versions")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "id")
    List<UnitLookup.Entry> versions(@PathVariable String id) {
        return units.versions(id);
    }

    private void requireAll(List<UnitId> units, LocalDate on) {
        units.forEach(unit -> access.require(unit.value(), on));
    }

    private UnitId existing(String id) {
        return units.existing(id);
    }

    private static UnitId reference(String value, String problem, String field) {
        try {
            return new UnitId(value);
        } catch (RuleViolation e) {
            throw RuleViolation.unknown(problem, field, value);
        }
    }
}
