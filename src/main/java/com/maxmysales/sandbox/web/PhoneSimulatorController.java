package com.maxmysales.sandbox.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.sandbox.ChatMessage.Choice;
import com.maxmysales.sandbox.CustomerMessages;
import com.maxmysales.sandbox.InboundMessage;
import com.maxmysales.sandbox.PhoneChats;
import com.maxmysales.sandbox.SandboxAccount;
import com.maxmysales.sandbox.SandboxIds;
import com.maxmysales.sandbox.SandboxRegistry;
import com.maxmysales.sandbox.SandboxSettings;
import com.maxmysales.sandbox.UnknownNumber;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The phone simulator: a signed-in member chats as a customer with one of the workspace's sandbox numbers,
 * picked by its display number. With htmx the chat polls for changes and forms swap the chat in place; without
 * it, every form still works as a plain round trip. Another workspace's number, or a real one, is not found.
 */
@Controller
@WhenSandboxEnabled
@RequiresPermission(Permission.SANDBOX_USE)
@RequestMapping("/sandbox/phone")
class PhoneSimulatorController {

    private final SandboxSettings settings;
    private final SandboxRegistry registry;
    private final PhoneChats chats;
    private final CustomerMessages customers;

    PhoneSimulatorController(SandboxSettings settings, SandboxRegistry registry, PhoneChats chats,
            CustomerMessages customers) {
        this.settings = settings;
        this.registry = registry;
        this.chats = chats;
        this.customers = customers;
    }

    @GetMapping
    String page(WorkspaceId workspace, @RequestParam(required = false) String customer,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String name,
            @RequestParam(required = false) String to, HttpServletRequest request, Model model) {
        var chosen = phone != null && !phone.isBlank() ? phone : customer;
        var numbers = registry.numbers(workspace);
        var number = to != null && !to.isBlank() ? to.strip() : numbers.isEmpty() ? "" : numbers.getFirst().objectId();
        PhoneChat chat = null;
        String error = null;
        if (chosen != null && to != null) {
            var waId = SandboxIds.digits(chosen);
            if (waId.length() < 7 || waId.length() > 15) {
                error = "A customer's number has 7 to 15 digits, such as +919811122233.";
            } else if (number.isEmpty()) {
                error = "This workspace has no sandbox number yet: connect one under Settings → WhatsApp numbers.";
            } else {
                chat = chat(workspace, "+" + waId, name, number);
            }
        }
        var selected = chat != null ? chat.phone() : settings.customers().getFirst().phone();
        // A number typed instead of picked stays in its field, so "Open chat" again keeps the same customer.
        var typed = phone != null && !phone.isBlank();
        model.addAttribute("simulator", new PhonePage(settings.customers(), numbers, selected,
                typed ? phone.strip() : "", typed && name != null ? name.strip() : "", number, error, chat,
                FormToken.of(request)));
        return "sandbox/phone";
    }

    @GetMapping("/chat")
    Object chat(WorkspaceId workspace, @RequestParam String phone, @RequestParam(required = false) String name,
            @RequestParam String to, @RequestParam(required = false) Long since, HttpServletRequest request) {
        var chat = chat(workspace, phone, name, to);
        if (since != null && since == chat.version()) {
            return ResponseEntity.noContent().build();
        }
        return chatView(chat, request);
    }

    @PostMapping("/messages")
    Object write(WorkspaceId workspace, @RequestParam String phone, @RequestParam(required = false) String name,
            @RequestParam String to, @RequestParam String text,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request) {
        customers.write(workspace, phone, InboundMessage.text(to, name, text));
        return chatOrPage(workspace, phone, name, to, htmx, request);
    }

    @PostMapping("/replies")
    Object reply(WorkspaceId workspace, @RequestParam String phone, @RequestParam(required = false) String name,
            @RequestParam String to, @RequestParam String wamid, @RequestParam String kind, @RequestParam String id,
            @RequestParam String title, @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request) {
        if (!Choice.ANSWERS.contains(kind)) {
            throw new InboundMessage.Rejected("kind must be one of " + Choice.ANSWERS);
        }
        var number = number(workspace, to);
        customers.write(workspace, phone, InboundMessage.reply(to, number.displayPhoneNumber(), name, wamid,
                new Choice(kind, id, title)));
        return chatOrPage(workspace, phone, name, to, htmx, request);
    }

    @ExceptionHandler(InboundMessage.Rejected.class)
    ResponseEntity<String> rejected(InboundMessage.Rejected rejected) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(rejected.getMessage());
    }

    @ExceptionHandler(UnknownNumber.class)
    ResponseEntity<String> unknown(UnknownNumber unknown) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(unknown.getMessage());
    }

    private Object chatOrPage(WorkspaceId workspace, String phone, String name, String to, String htmx,
            HttpServletRequest request) {
        var chat = chat(workspace, phone, name, to);
        return "true".equals(htmx) ? chatView(chat, request) : "redirect:" + chat.pageUrl();
    }

    private static ModelAndView chatView(PhoneChat chat, HttpServletRequest request) {
        return new ModelAndView("sandbox/chat", Map.of("chat", chat, "csrf", FormToken.of(request)));
    }

    private PhoneChat chat(WorkspaceId workspace, String phone, String name, String to) {
        var number = number(workspace, to);
        var waId = SandboxIds.digits(phone);
        var snapshot = chats.chat(to, waId);
        return new PhoneChat("+" + waId, customers.nameOf(waId, name), to, PhonePage.VERIFIED_NAME,
                number.displayPhoneNumber(), snapshot.version(), snapshot.messages());
    }

    private SandboxAccount number(WorkspaceId workspace, String phoneNumberId) {
        return registry.number(workspace, phoneNumberId).orElseThrow(() -> new UnknownNumber(phoneNumberId));
    }
}
