package vn.ntm.criteria.imports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.criteria.imports.command.ImportView;
import vn.ntm.criteria.imports.command.MeasurementImports;
import vn.ntm.criteria.imports.command.MeasurementTemplates;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;

/**
 * A quarter's figures from a spreadsheet: the blank template in the progress report's layout, and the import of a
 * filled one (multipart, field {@code file}) — a preview of every row with {@code dryRun=true} (the default), one
 * measurement form with {@code dryRun=false}. Who may: as the form endpoint (a commune officer whose scope covers
 * the unit today and on {@code validOn}); the template, whoever may read the unit's standing.
 */
@RestController
@RequestMapping("/api/units")
class MeasurementImportController {

    /** The largest file an import takes; Spring's multipart limits (application.yml) match it. */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final MeasurementTemplates templates;
    private final MeasurementImports imports;
    private final AccessGuard access;
    private final Clock clock;

    MeasurementImportController(MeasurementTemplates templates, MeasurementImports imports, AccessGuard access,
                                Clock clock) {
        this.templates = templates;
        this.imports = imports;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The template of a set for a unit on a date ({@code validOn}, default today): format {@code xlsx} (default) or
     * {@code csv}; Vietnamese unless {@code lang=en} or {@code Accept-Language: en}.
     */
    @GetMapping("/{unitId}/measurement-template")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    ResponseEntity<byte[]> template(@PathVariable String unitId, @RequestParam String criteriaSet,
                                    @RequestParam(required = false) LocalDate validOn,
                                    @RequestParam(defaultValue = "xlsx") String format,
                                    @RequestParam(required = false) String lang) {
        boolean english = lang != null ? Locale.ENGLISH.getLanguage().equals(lang) : MeasurementImports.english();
        MeasurementTemplates.Download file = templates.template(unitId, criteriaSet,
                validOn != null ? validOn : LocalDate.now(clock), format, english);
        return ResponseEntity.ok().contentType(file.xlsx() ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    /**
     * Imports a filled template: every row classified (NEW, CHANGED, UNCHANGED, EMPTY, REFUSED). With
     * {@code dryRun=false} the NEW and CHANGED rows are recorded as one form (201), or nothing at all when a row is
     * refused (422, the rows named); {@code document}, {@code office} and {@code note} are the form's evidence.
     */
    @PostMapping("/{unitId}/measurement-imports")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<ImportView> importFile(@PathVariable String unitId, @RequestParam String criteriaSet,
                                          @RequestParam LocalDate validOn,
                                          @RequestParam(defaultValue = "true") boolean dryRun,
                                          @RequestParam(required = false) MultipartFile file,
                                          @RequestParam(required = false) String document,
                                          @RequestParam(required = false) String office,
                                          @RequestParam(required = false) String note) {
        access.require(unitId, validOn);
        if (file == null || file.isEmpty()) {
            throw RuleViolation.invalid("import-file-missing", "file");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new ImportProblems.FileTooLarge();
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportView view = imports.importFile(unitId, criteriaSet, validOn, dryRun, file.getOriginalFilename(), bytes,
                new MeasurementImports.FormFields(document, office, note));
        if (view.recorded() == 0) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/units/" + unitId + "/standing?criteriaSet=" + view.criteriaSet()
                        + "&asOf=" + view.validOn()))
                .body(view);
    }
}
