package com.maxmysales.privacy.requests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.SpreadsheetCells;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export an access request gives the person, made when asked for from what is held at that moment (no
 * copy of it is stored), as JSON or as a zip of that JSON and one CSV per category. Every export is audited.
 */
@Service
public class AccessExports {

    static final String META = "Meta Platforms, Inc. (WhatsApp Business API): delivery of every message to and from you";

    private final PrivacyRequestRows rows;
    private final RequestSubjects subjects;
    private final PersonalData personalData;
    private final PrivacyRequestSettings settings;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    AccessExports(PrivacyRequestRows rows, RequestSubjects subjects, PersonalData personalData,
            PrivacyRequestSettings settings, AuditLog audit, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.subjects = subjects;
        this.personalData = personalData;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public AccessExport export(WorkspaceId workspace, UUID requestId) {
        var row = rows.find(workspace, requestId).orElseThrow(() -> Refusal.notFound("privacy request " + requestId));
        if (!row.type().equals("access") || !row.status().equals("completed")) {
            throw Refusal.conflict("no-export", "No export",
                    "only a completed access request has an export");
        }
        // After the person's erasure the request no longer says who they were: there is nothing left to export.
        var subject = row.phone() == null && row.email() == null ? new DataSubject(Set.of(), Set.of(), Set.of())
                : subjects.resolve(row);
        var data = subject.isEmpty() ? Map.<String, List<Map<String, Object>>>of() : personalData.export(workspace, subject);
        var summary = new LinkedHashMap<String, Integer>();
        data.forEach((category, records) -> summary.put(category, records.size()));
        var sharedWith = new ArrayList<String>();
        if (summary.getOrDefault("messages", 0) > 0) {
            sharedWith.add(META);
        }
        sharedWith.addAll(settings.aiProcessors());
        audit.record(workspace, "privacy.export", "requestId=" + requestId, "records="
                + summary.values().stream().mapToInt(Integer::intValue).sum());
        return new AccessExport(requestId, clock.instant(), summary, sharedWith, data);
    }

    public byte[] zip(WorkspaceId workspace, UUID requestId) {
        var export = export(workspace, requestId);
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "export.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(export));
            for (var category : export.data().entrySet()) {
                entry(zip, category.getKey().replace(' ', '-') + ".csv", csv(category.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** RFC 4180: a header of every field any record has, then one line per record. */
    static String csv(List<Map<String, Object>> records) {
        var columns = new LinkedHashSet<String>();
        records.forEach(record -> columns.addAll(record.keySet()));
        var csv = new StringBuilder(String.join(",", columns.stream().map(AccessExports::cell).toList())).append("\r\n");
        for (var record : records) {
            csv.append(String.join(",", columns.stream().map(column -> cell(record.get(column))).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        var text = SpreadsheetCells.text(value.toString());
        var quoted = text.contains("\"") || text.contains(",") || text.contains("\n") || text.contains("\r");
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
