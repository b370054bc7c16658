package vn.ntm.criteria.catalogue.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.ntm.criteria.assessment.command.VersionActivation;
import vn.ntm.criteria.catalogue.api.AmendCriteriaSet;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.CriteriaSetLevel;
import vn.ntm.criteria.catalogue.api.PublishCriteriaSet;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.criteria.unit.command.KnownUnits;
import vn.ntm.support.web.UnstorableValues;

/** Criteria sets: publish (JSON or the YAML file format), load a shipped set, list, read. */
@RestController
@RequestMapping("/api/criteria-sets")
@Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN})
class CriteriaSetController {

    /** The sets this build ships, converted from shared/reference/ntm-criteria-research.yaml. */
    static final List<String> SHIPPED = List.of("VN-XA-NTM-2021-2025", "VN-XA-NTMNC-2021-2025", "VN-XA-NTMKM-2021-2025",
            "BG-THON-NTM", "BG-THON-NTMKM-2018", "VN-XA-NTM-2026-2030");

    /** A flag left out of a file (skeleton, verified) means false, as in JSON requests. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final CommandGateway commands;
    private final CriteriaCatalogue catalogue;
    private final ActorResolver actors;
    private final Validator validator;
    private final VersionActivation activation;
    private final Clock clock;
    private final AccessGuard access;
    private final KnownUnits units;

    CriteriaSetController(CommandGateway commands, CriteriaCatalogue catalogue, ActorResolver actors,
                          Validator validator, VersionActivation activation, Clock clock, AccessGuard access,
                          KnownUnits units) {
        this.clock = clock;
        this.access = access;
        this.units = units;
        this.commands = commands;
        this.catalogue = catalogue;
        this.actors = actors;
        this.validator = validator;
        this.activation = activation;
    }

    @PostMapping(consumes = "application/json")
    @Access(roles = Role.PROVINCIAL_ADMIN)
    ResponseEntity<CriteriaSetDefinition> publish(@Valid @RequestBody CriteriaSetDefinition definition) {
        return publishValid(definition);
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    @Access(roles = Role.PROVINCIAL_ADMIN)
    ResponseEntity<CriteriaSetDefinition> publishYaml(@RequestBody String yaml) {
        return publishValid(readYaml(yaml));
    }

    /** Which sets govern a unit aiming at {@code level} on {@code on} (default today), national ones first. */
    @GetMapping("/applicable")
    List<CriteriaSetDefinition> applicable(@RequestParam CriteriaSetLevel level,
                                           @RequestParam(required = false) LocalDate on) {
        return catalogue.inForceForLevel(level.name(), on == null ? LocalDate.now(clock) : on);
    }

    @GetMapping("/shipped")
    List<String> shipped() {
        return SHIPPED;
    }

    @PostMapping("/shipped/{code}")
    @Access(roles = Role.PROVINCIAL_ADMIN)
    ResponseEntity<CriteriaSetDefinition> loadShipped(@PathVariable String code) {
        if (!SHIPPED.contains(code)) {
            throw RuleViolation.notFound("criteria-set-not-shipped", code);
        }
        try (InputStream in = new ClassPathResource("criteria-sets/" + code + ".yaml").getInputStream()) {
            return publishValid(readYaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("shipped set " + code + " missing from the build", e);
        }
    }

    @GetMapping
    List<CriteriaSetDefinition> all() {
        return catalogue.all();
    }

    @GetMapping("/{code}")
    CriteriaSetDefinition one(@PathVariable String code) {
        return catalogue.find(new CriteriaSetId(code))
                .orElseThrow(() -> RuleViolation.notFound("criteria-set-not-found", code));
    }

    @GetMapping("/{code}/versions")
    List<CriteriaSetDefinition> versions(@PathVariable String code) {
        List<CriteriaSetDefinition> versions = catalogue.versions(new CriteriaSetId(code));
        if (versions.isEmpty()) {
            throw RuleViolation.notFound("criteria-set-not-found", code);
        }
        return versions;
    }

    private ResponseEntity<CriteriaSetDefinition> publishValid(CriteriaSetDefinition definition) {
        UnstorableValues.refuse(definition); // e.g. a YAML "\0" escape, which PostgreSQL cannot store
        Set<ConstraintViolation<CriteriaSetDefinition>> violations = validator.validate(definition);
        if (!violations.isEmpty()) {
            ConstraintViolation<CriteriaSetDefinition> first = violations.iterator().next();
            throw RuleViolation.invalid("invalid-criteria-set", first.getPropertyPath().toString(),
                    first.getPropertyPath().toString());
        }
        requirePublisher(definition.scope());
        CriteriaSetId id = new CriteriaSetId(definition.code());
        if (definition.version() > 1 && catalogue.exists(id)) {
            commands.sendAndWait(new AmendCriteriaSet(id, definition, actors.current()));
            // every assessment against the set is judged under the new version now, whatever its effective date
            activation.activateDue();
        } else {
            commands.sendAndWait(new PublishCriteriaSet(id, definition, actors.current()));
        }
        return ResponseEntity.created(URI.create("/api/criteria-sets/" + id)).body(definition);
    }

    /**
     * A national set is published by an administrator of the whole platform; a provincial one (scope = the province's
     * name without diacritics, e.g. BAC-GIANG) by an administrator whose scope is that province.
     */
    private void requirePublisher(String scope) {
        if (access.caller().wholePlatform()) {
            return;
        }
        String own = units.find(access.caller().scope()).filter(unit -> "PROVINCE".equals(unit.level()))
                .map(unit -> slug(unit.name())).orElse(null);
        if ("NATIONAL".equals(scope) || !scope.equals(own)) {
            throw RuleViolation.forbidden("criteria-set-outside-scope", scope);
        }
    }

    static String slug(String name) {
        String plain = java.text.Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "-");
    }

    private static CriteriaSetDefinition readYaml(String yaml) {
        try {
            return YAML.readValue(yaml, CriteriaSetDefinition.class);
        } catch (JacksonException e) {
            throw RuleViolation.invalid("unreadable-criteria-set", "body",
                    e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        }
    }
}
