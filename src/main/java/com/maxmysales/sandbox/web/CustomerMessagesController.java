package com.maxmysales.sandbox.web;

import java.net.URI;

import com.maxmysales.sandbox.CustomerMessages;
import com.maxmysales.sandbox.InboundMessage;
import com.maxmysales.sandbox.UnknownNumber;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@WhenSandboxEnabled
@RequiresPermission(Permission.SANDBOX_USE)
@Tag(name = "Sandbox", description = "The built-in Cloud API emulator (maxmysales.sandbox.enabled)")
class CustomerMessagesController {

    static final URI INVALID = URI.create("urn:maxmysales:problem:sandbox-invalid-customer-message");
    static final URI NOT_FOUND = URI.create("urn:maxmysales:problem:not-found");

    private final CustomerMessages customers;

    CustomerMessagesController(CustomerMessages customers) {
        this.customers = customers;
    }

    record Written(String wamid) {
    }

    @Schema(name = "CustomerMessage", description = "A text; other inbound types carry their object instead (\"type\": "
            + "\"image\", \"image\": {...}), as Meta's webhook does")
    record CustomerText(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the sandbox number's phone-number id")
            String to,
            @Schema(example = "Asha Rao") String name,
            @Schema(example = "Is my order on its way?") String text) {
    }

    @PostMapping("/sandbox/customers/{phone}/messages")
    @Operation(summary = "Make a customer write to a business number",
            description = """
                    Body {"to": "<phone-number id>", "name": "...", "text": "..."}, or any inbound type: \
                    {"to", "type": "image", "image": {...}, "context": {...}, "referral": {...}}. The sandbox \
                    sends the platform the signed webhook Meta would and answers the message's wamid. Needs the \
                    workspace's API key (or a signed-in member); "to" must be a sandbox number of that workspace, \
                    anything else is 404.""")
    @ApiResponse(responseCode = "202", description = "Written; the signed webhook is on its way")
    @ApiResponse(responseCode = "400", description = "`sandbox-invalid-customer-message`")
    ResponseEntity<Written> write(WorkspaceId workspace, @PathVariable String phone,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = CustomerText.class), examples = @ExampleObject(name = "text", value = """
                            {"to": "100000000000001", "name": "Asha Rao", "text": "Is my order on its way?"}""")))
            @RequestBody JsonNode request) {
        var wamid = customers.write(workspace, phone, InboundMessage.parse(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Written(wamid));
    }

    @ExceptionHandler(InboundMessage.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(InboundMessage.Rejected rejected) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, rejected.getMessage());
        problem.setType(INVALID);
        problem.setTitle("Invalid customer message");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownNumber.class)
    ResponseEntity<ProblemDetail> unknown(UnknownNumber unknown) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
