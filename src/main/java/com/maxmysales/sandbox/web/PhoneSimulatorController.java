package com.maxmysales.sandbox.web;

import java.util.Set;

import com.maxmysales.sandbox.ChatMessage.Choice;
import com.maxmysales.sandbox.CustomerMessages;
import com.maxmysales.sandbox.InboundMessage;
import com.maxmysales.sandbox.PhoneChats;
import com.maxmysales.sandbox.SandboxIds;
import com.maxmysales.sandbox.SandboxSettings;
import com.maxmysales.sandbox.WhenSandboxEnabled;

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
 * The phone simulator: chat as a customer with a business number. With htmx the chat polls for changes and
 * forms swap the chat in place; without it, every form still works as a plain round trip.
 */
@Controller
@WhenSandboxEnabled
@RequestMapping("/sandbox/phone")
class PhoneSimulatorController {

    private static final Set<String> CHOICE_KINDS = Set.of("button_reply", "list_reply", "button");

    private final SandboxSettings settings;
    private final PhoneChats chats;
    private final CustomerMessages customers;

    PhoneSimulatorController(SandboxSettings settings, PhoneChats chats, CustomerMessages customers) {
        this.settings = settings;
        this.chats = chats;
        this.customers = customers;
    }

    @GetMapping
    String page(@RequestParam(required = false) String customer, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String name, @RequestParam(required = false) String to, Model model) {
        var chosen = phone != null && !phone.isBlank() ? phone : customer;
        var ids = chats.phoneNumberIds();
        var number = to != null && !to.isBlank() ? to.strip() : ids.isEmpty() ? "" : ids.getFirst();
        PhoneChat chat = null;
        String error = null;
        if (chosen != null && to != null) {
            var waId = SandboxIds.digits(chosen);
            if (waId.length() < 7 || waId.length() > 15) {
                error = "A customer's number has 7 to 15 digits, such as +919811122233.";
            } else if (number.isEmpty()) {
                error = "Name the business phone-number id the customer writes to.";
            } else {
                chat = chat("+" + waId, name, number);
            }
        }
        var selected = chat != null ? chat.phone() : settings.customers().getFirst().phone();
        model.addAttribute("simulator", new PhonePage(settings.customers(), ids, selected, number, error, chat));
        return "sandbox/phone";
    }

    @GetMapping("/chat")
    Object chat(@RequestParam String phone, @RequestParam(required = false) String name, @RequestParam String to,
            @RequestParam(required = false) Long since) {
        var chat = chat(phone, name, to);
        if (since != null && since == chat.version()) {
            return ResponseEntity.noContent().build();
        }
        return new ModelAndView("sandbox/chat", "chat", chat);
    }

    @PostMapping("/messages")
    Object write(@RequestParam String phone, @RequestParam(required = false) String name, @RequestParam String to,
            @RequestParam String text, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        customers.write(phone, InboundMessage.text(to, name, text));
        return chatOrPage(phone, name, to, htmx);
    }

    @PostMapping("/replies")
    Object reply(@RequestParam String phone, @RequestParam(required = false) String name, @RequestParam String to,
            @RequestParam String wamid, @RequestParam String kind, @RequestParam String id, @RequestParam String title,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        if (!CHOICE_KINDS.contains(kind)) {
            throw new InboundMessage.Rejected("kind must be one of " + CHOICE_KINDS);
        }
        customers.write(phone, InboundMessage.reply(to, name, wamid, new Choice(kind, id, title)));
        return chatOrPage(phone, name, to, htmx);
    }

    @ExceptionHandler(InboundMessage.Rejected.class)
    ResponseEntity<String> rejected(InboundMessage.Rejected rejected) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(rejected.getMessage());
    }

    private Object chatOrPage(String phone, String name, String to, String htmx) {
        var chat = chat(phone, name, to);
        return "true".equals(htmx) ? new ModelAndView("sandbox/chat", "chat", chat) : "redirect:" + chat.pageUrl();
    }

    private PhoneChat chat(String phone, String name, String to) {
        var waId = SandboxIds.digits(phone);
        var snapshot = chats.chat(to, waId);
        return new PhoneChat("+" + waId, customers.nameOf(waId, name), to, snapshot.version(), snapshot.messages());
    }
}
