package com.maxmysales.contacts.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.Contact;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.platform.ApiProblem;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.privacy.PersonalData;
import com.maxmysales.privacy.PersonalDataRead;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "The people the workspace talks to")
class ContactController {

    private final ContactDirectory contacts;
    private final PersonalData personalData;

    ContactController(ContactDirectory contacts, PersonalData personalData) {
        this.contacts = contacts;
        this.personalData = personalData;
    }

    record ContactBody(UUID id, String phone, String whatsAppId, String name, String email, Instant createdAt) {
        static ContactBody of(Contact contact) {
            return new ContactBody(contact.id().value(), contact.phone() == null ? null : contact.phone().e164(),
                    contact.whatsAppId(), contact.name(), contact.email(), contact.createdAt());
        }
    }

    @GetMapping
    @PersonalDataRead("contact.search")
    @Operation(summary = "Contacts with this phone number (E.164, e.g. +919812345678)")
    CursorPage<ContactBody> byPhone(WorkspaceId workspace, @RequestParam String phone) {
        PhoneNumber number;
        try {
            number = new PhoneNumber(phone.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-phone-number", "Invalid phone number",
                    "phone must be in E.164 form, such as +919812345678");
        }
        return new CursorPage<>(contacts.findByPhone(workspace, number)
                .map(id -> List.of(ContactBody.of(contacts.get(workspace, id)))).orElse(List.of()), null);
    }

    @GetMapping("/{contactId}")
    @PersonalDataRead("contact.read")
    @Operation(summary = "One contact")
    ContactBody get(WorkspaceId workspace, @PathVariable UUID contactId) {
        return ContactBody.of(contacts.get(workspace, new ContactId(contactId)));
    }

    @DeleteMapping("/{contactId}")
    @Operation(summary = "Erase a contact and everything held about them: messages, conversations, raw webhook events",
            description = "Only a keyed hash of their number and email remains, so an old import cannot re-add them.")
    ResponseEntity<Void> erase(WorkspaceId workspace, @PathVariable UUID contactId) {
        personalData.eraseContact(workspace, new ContactId(contactId));
        return ResponseEntity.noContent().build();
    }
}
