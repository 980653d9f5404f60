package com.maxmysales.contacts.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.contacts.ConsentAct;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.Contact;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.ContactExport;
import com.maxmysales.contacts.ContactImports;
import com.maxmysales.contacts.ContactPatch;
import com.maxmysales.contacts.ContactProfiles;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.ImportCheck;
import com.maxmysales.contacts.ImportSettings;
import com.maxmysales.contacts.PhoneNumbers;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.BusinessUserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The contacts pages of the web app: browse, search, edit, import with a live progress bar, export. */
@RequiresPermission(Permission.CONTACTS_IMPORT)
@Controller
class ContactPages {

    /** A search by name shows this many contacts at most. */
    private static final int NAME_RESULTS = 50;

    private final ContactDirectory contacts;
    private final ContactProfiles profiles;
    private final ConsentLedger consent;
    private final ContactImports imports;
    private final ContactExport export;
    private final PhoneNumbers phones;

    ContactPages(ContactDirectory contacts, ContactProfiles profiles, ConsentLedger consent, ContactImports imports,
            ContactExport export, PhoneNumbers phones) {
        this.contacts = contacts;
        this.profiles = profiles;
        this.consent = consent;
        this.imports = imports;
        this.export = export;
        this.phones = phones;
    }

    @PersonalDataRead("contact.search")
    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/app/contacts")
    String list(WorkspaceId workspace, @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String cursor, Model model) {
        List<Contact> found;
        String next = null;
        String message = null;
        var phone = q == null || q.isBlank() || q.contains("@") ? java.util.Optional.<com.maxmysales.shared.PhoneNumber>empty()
                : phones.normalize(workspace, q);
        if (q != null && !q.isBlank() && (q.contains("@") || phone.isPresent())) {
            var id = q.contains("@") ? EmailAddress.parse(q).flatMap(email -> contacts.findByEmail(workspace, email))
                    : phone.flatMap(number -> contacts.findByPhone(workspace, number));
            found = id.map(contact -> List.of(contacts.get(workspace, contact))).orElse(List.of());
            message = found.isEmpty() ? "No contact has that phone number or email." : null;
        } else if (q != null && !q.isBlank()) {
            var search = contacts.searchByName(workspace, q, NAME_RESULTS);
            found = search.contacts();
            message = found.isEmpty() ? "No contact's name contains \"" + q.strip() + "\"." : null;
            if (search.partial()) {
                message = (message == null ? "" : message + " ") + "Names are searched among the newest "
                        + "%,d".formatted(ContactDirectory.NAME_SEARCH_SCOPE) + " contacts; search an older one by phone or email.";
            }
        } else {
            var page = contacts.page(workspace, tag, cursor, 50);
            found = page.items();
            next = page.nextCursor();
        }
        model.addAttribute("contacts", found);
        model.addAttribute("marketing", consent.marketing(workspace, found.stream().map(Contact::id).toList()));
        model.addAttribute("query", q);
        model.addAttribute("tag", tag);
        model.addAttribute("nextCursor", next);
        model.addAttribute("message", message);
        return "contacts/list";
    }

    @PersonalDataRead("contact.read")
    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/app/contacts/{contactId}")
    String contact(WorkspaceId workspace, @PathVariable UUID contactId, Model model) {
        return renderContact(workspace, new ContactId(contactId), null, model);
    }

    @RequiresPermission(Permission.CONTACTS_EDIT)
    @PostMapping("/app/contacts/{contactId}")
    String save(WorkspaceId workspace, @PathVariable UUID contactId, @RequestParam String name, @RequestParam String email,
            @RequestParam String tags, @RequestParam String attributes, HttpServletResponse response, Model model) {
        var id = new ContactId(contactId);
        try {
            var current = contacts.get(workspace, id);
            var values = new LinkedHashMap<String, Object>();
            current.attributes().keySet().forEach(key -> values.put(key, null));
            attributes.lines().filter(line -> line.contains("=")).forEach(line ->
                    values.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip()));
            profiles.update(workspace, id, new ContactPatch(null, name, email, values,
                    List.of(tags.split(","))));
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderContact(workspace, id, problem.getMessage(), model);
        }
        return "redirect:/app/contacts/" + contactId;
    }

    @RequiresPermission(Permission.CONTACTS_EDIT)
    @PostMapping("/app/contacts/{contactId}/opt-out")
    String optOut(WorkspaceId workspace, @PathVariable UUID contactId,
            @AuthenticationPrincipal BusinessUserPrincipal user) {
        var id = new ContactId(contactId);
        contacts.get(workspace, id);
        // One key for the action, so it counts as one opt-out although it withdraws two purposes.
        consent.optOut(workspace, id, Purpose.BUSINESS_INITIATED, new ConsentAct(ConsentSource.AGENT, null,
                Evidence.of("recorded by business user " + user.userId()), "agent:" + UUID.randomUUID()));
        return "redirect:/app/contacts/" + contactId;
    }

    @PersonalDataRead("contact.export")
    @RequiresPermission(Permission.CONTACTS_EXPORT)
    @GetMapping("/app/contacts/export.csv")
    void export(WorkspaceId workspace, HttpServletResponse response) throws IOException {
        export.write(workspace, ContactImportController.csv(response, "contacts.csv"));
    }

    @GetMapping("/app/contacts/import")
    String importPage(WorkspaceId workspace, Model model) {
        model.addAttribute("imports", imports.recent(workspace));
        model.addAttribute("error", null);
        return "contacts/import";
    }

    @PostMapping("/app/contacts/import")
    String upload(WorkspaceId workspace, @RequestParam("file") MultipartFile file, HttpServletResponse response,
            Model model) throws IOException {
        try (var in = file.getInputStream()) {
            return "redirect:/app/contacts/imports/" + imports.upload(workspace, file.getOriginalFilename(), in).id();
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("imports", imports.recent(workspace));
            model.addAttribute("error", problem.getMessage());
            return "contacts/import";
        }
    }

    @PersonalDataRead("contact.import.preview")
    @GetMapping("/app/contacts/imports/{importId}")
    String job(WorkspaceId workspace, @PathVariable UUID importId, Model model) {
        var preview = imports.preview(workspace, importId);
        var settings = preview.job().settings();
        return mappingPage(preview, settings == null
                ? new ImportSettings(preview.suggested(), null, null, null, null)
                : new ImportSettings(preview.suggested(), settings.purpose(), settings.defaultConsentBasis(),
                        settings.noticeVersion(), settings.tags()), null, null, model);
    }

    /**
     * Starts the import, unless rows would be refused for consent and the business has not seen that yet: then the
     * form comes back as filled in, with the count and a "Start anyway".
     */
    @PostMapping("/app/contacts/imports/{importId}/start")
    String start(WorkspaceId workspace, @PathVariable UUID importId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        var settings = settings(imports.get(workspace, importId).columns(), form);
        try {
            if (!"yes".equals(form.get("confirmed"))) {
                var check = imports.check(workspace, importId, settings);
                if (check.refusedForConsent() > 0) {
                    return mappingPage(imports.preview(workspace, importId), settings, check, null, model);
                }
            }
            imports.start(workspace, importId, settings);
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return mappingPage(imports.preview(workspace, importId), settings, null, problem.getMessage(), model);
        }
        return "redirect:/app/contacts/imports/" + importId;
    }

    @PersonalDataRead("contact.import.preview")
    @PostMapping("/app/contacts/imports/{importId}/rerun")
    String rerun(WorkspaceId workspace, @PathVariable UUID importId) {
        return "redirect:/app/contacts/imports/" + imports.runRefusedRowsAgain(workspace, importId).id();
    }

    private static String mappingPage(ContactImports.Preview preview, ImportSettings settings, ImportCheck check,
            String error, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("settings", settings);
        model.addAttribute("check", check);
        model.addAttribute("error", error);
        return "contacts/import-job";
    }

    /** The mapping form: a select per field, and a key (or nothing) per column for the custom attributes. */
    private static ImportSettings settings(List<String> columns, Map<String, String> form) {
        var attributes = new LinkedHashMap<String, String>();
        for (int i = 0; i < columns.size(); i++) {
            var key = blank(form.get("attribute-" + i));
            if (key != null) {
                attributes.put(key.strip(), columns.get(i));
            }
        }
        var mapping = new ImportSettings.Mapping(form.get("phone"), blank(form.get("name")), blank(form.get("email")),
                blank(form.get("tags")), blank(form.get("consentBasis")), attributes);
        var tags = form.getOrDefault("importTags", "").isBlank() ? List.<String>of()
                : List.of(form.get("importTags").split(","));
        return new ImportSettings(mapping, form.get("purpose"), blank(form.get("defaultConsentBasis")),
                blank(form.get("noticeVersion")), tags);
    }

    @GetMapping("/app/contacts/imports/{importId}/progress")
    String progress(WorkspaceId workspace, @PathVariable UUID importId, Model model) {
        model.addAttribute("job", imports.get(workspace, importId));
        return "contacts/import-progress";
    }

    @PersonalDataRead("contact.import.errors")
    @RequiresPermission(Permission.CONTACTS_EXPORT)
    @GetMapping("/app/contacts/imports/{importId}/errors.csv")
    void errors(WorkspaceId workspace, @PathVariable UUID importId, HttpServletResponse response) throws IOException {
        imports.get(workspace, importId);
        imports.writeErrorReport(workspace, importId, ContactImportController.csv(response, "refused-rows.csv"));
    }

    private String renderContact(WorkspaceId workspace, ContactId id, String error, Model model) {
        var contact = contacts.get(workspace, id);
        var attributes = new StringBuilder();
        contact.attributes().forEach((key, value) -> attributes.append(key).append('=').append(value).append('\n'));
        model.addAttribute("contact", contact);
        model.addAttribute("history", consent.history(workspace, id));
        model.addAttribute("attributes", attributes.toString());
        model.addAttribute("error", error);
        return "contacts/contact";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
