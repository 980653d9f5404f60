package com.maxmysales.contacts.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.contacts.ContactExport;
import com.maxmysales.contacts.ContactImport;
import com.maxmysales.contacts.ImportCheck;
import com.maxmysales.contacts.ContactImports;
import com.maxmysales.contacts.ImportSettings;
import com.maxmysales.platform.BoundedBody;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RequiresPermission(Permission.CONTACTS_IMPORT)
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contact imports and export", description = "CSV in with a column mapping and per-row error report; CSV out")
class ContactImportController {

    private final ContactImports imports;
    private final ContactExport export;
    private final DataSize maxFileSize;

    /** @param maxFileSize the multipart limit, which the raw body form is held to as well */
    ContactImportController(ContactImports imports, ContactExport export,
            @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxFileSize) {
        this.imports = imports;
        this.export = export;
        this.maxFileSize = maxFileSize;
    }

    record ImportBody(ContactImport job, List<List<String>> preview, ImportSettings.Mapping suggestedMapping) {}

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV file (form field file); answers with its columns, first rows and a suggested mapping")
    @ApiResponse(responseCode = "201", description = "Uploaded; Location names the import")
    @ApiResponse(responseCode = "400", description = "`invalid-import`, `csv-limit-exceeded`: not a CSV file, or over its row or column limits")
    @ApiResponse(responseCode = "429", description = "`too-many-open-imports`: finish or delete one first")
    ResponseEntity<ImportBody> upload(WorkspaceId workspace, @RequestPart("file") MultipartFile file) throws IOException {
        try (var in = file.getInputStream()) {
            return created(workspace, imports.upload(workspace, file.getOriginalFilename(), in));
        }
    }

    @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Upload a CSV file as the request body (Content-Type: text/csv), named by ?fileName=",
            description = "Held to the same size limit as a multipart upload (100 MB by default): 413 over it.")
    @ApiResponse(responseCode = "201", description = "Uploaded; Location names the import")
    @ApiResponse(responseCode = "400", description = "`invalid-import`, `csv-limit-exceeded`: not a CSV file, or over its row or column limits")
    @ApiResponse(responseCode = "429", description = "`too-many-open-imports`: finish or delete one first")
    ResponseEntity<ImportBody> uploadBody(WorkspaceId workspace, @RequestParam(defaultValue = "contacts.csv") String fileName,
            HttpServletRequest request) throws IOException {
        try (var body = BoundedBody.of(request.getInputStream(), request.getContentLengthLong(), maxFileSize)) {
            return created(workspace, imports.upload(workspace, fileName, body));
        }
    }

    @GetMapping("/imports")
    @Operation(summary = "The workspace's latest imports")
    List<ContactImport> recent(WorkspaceId workspace) {
        return imports.recent(workspace);
    }

    @PersonalDataRead("contact.import.preview")
    @GetMapping("/imports/{importId}")
    @Operation(summary = "An import: status, progress counts, columns, first rows and a suggested mapping")
    ImportBody get(WorkspaceId workspace, @PathVariable UUID importId) {
        var preview = imports.preview(workspace, importId);
        return new ImportBody(preview.job(), preview.rows(), preview.suggested());
    }

    @PostMapping("/imports/{importId}/start")
    @Operation(summary = "Start (or, after a failure, continue) an import with a column mapping and consent basis")
    @ApiResponse(responseCode = "202", description = "Started; follow it with GET /api/v1/contacts/imports/{importId}")
    @ApiResponse(responseCode = "409", description = "`import-running`, `import-not-startable`")
    ResponseEntity<ContactImport> start(WorkspaceId workspace, @PathVariable UUID importId,
            @RequestBody ImportSettings settings) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.start(workspace, importId, settings));
    }

    @PostMapping("/imports/{importId}/check")
    @Operation(summary = "Count what these settings would refuse for consent before starting",
            description = "The same body as start. Answers the rows that have no consent basis (none in the mapped "
                    + "column and no defaultConsentBasis) and those whose consent column says no: the import refuses "
                    + "them. Nothing is written.")
    @ApiResponse(responseCode = "409", description = "`import-not-startable`: the import has started or completed")
    ImportCheck check(WorkspaceId workspace, @PathVariable UUID importId, @RequestBody ImportSettings settings) {
        return imports.check(workspace, importId, settings);
    }

    @PersonalDataRead("contact.import.preview")
    @PostMapping("/imports/{importId}/rerun")
    @Operation(summary = "Run a completed import's refused rows again, as a new import to start with a corrected mapping",
            description = "The new import holds the refused rows under the same header and suggests the settings the "
                    + "first run had; correct them and start it. The first import and its report stay.")
    @ApiResponse(responseCode = "201", description = "The new import; Location names it")
    @ApiResponse(responseCode = "409", description = "`no-refused-rows`: not completed, or nothing was refused")
    @ApiResponse(responseCode = "429", description = "`too-many-open-imports`")
    ResponseEntity<ImportBody> rerun(WorkspaceId workspace, @PathVariable UUID importId) {
        return created(workspace, imports.runRefusedRowsAgain(workspace, importId));
    }

    @PersonalDataRead("contact.import.errors")
    @RequiresPermission(Permission.CONTACTS_EXPORT)
    @GetMapping(path = "/imports/{importId}/errors.csv", produces = "text/csv")
    @Operation(summary = "The rows the import refused: row number (header = row 1), reason, and the row as it was")
    void errors(WorkspaceId workspace, @PathVariable UUID importId, HttpServletResponse response) throws IOException {
        var job = imports.get(workspace, importId);
        imports.writeErrorReport(workspace, importId, csv(response, "errors-" + job.id() + ".csv"));
    }

    @DeleteMapping("/imports/{importId}")
    @Operation(summary = "Delete an import, its file and its error report (the contacts it made stay)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(WorkspaceId workspace, @PathVariable UUID importId) {
        imports.delete(workspace, importId);
        return ResponseEntity.noContent().build();
    }

    @PersonalDataRead("contact.export")
    @RequiresPermission(Permission.CONTACTS_EXPORT)
    @GetMapping(path = "/export.csv", produces = "text/csv")
    @Operation(summary = "Every contact as CSV: id, phone, name, email, tags, opted_out, created_at, custom attributes")
    void export(WorkspaceId workspace, HttpServletResponse response) throws IOException {
        export.write(workspace, csv(response, "contacts.csv"));
    }

    private ResponseEntity<ImportBody> created(WorkspaceId workspace, ContactImport job) {
        var preview = imports.preview(workspace, job.id());
        return ResponseEntity.created(URI.create("/api/v1/contacts/imports/" + job.id()))
                .body(new ImportBody(preview.job(), preview.rows(), preview.suggested()));
    }

    /** Rows are written as they are read, straight to the client: an export of a million contacts is never in memory. */
    static OutputStream csv(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        return response.getOutputStream();
    }
}
