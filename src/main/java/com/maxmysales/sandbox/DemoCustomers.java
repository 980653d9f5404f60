package com.maxmysales.sandbox;

import java.util.List;

import com.maxmysales.tenancy.WorkspaceCreated;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo workspace of a first run opens with customers already writing to its sandbox number, so the inbox, the
 * dashboard and the contacts have something to show before anyone has learnt the phone simulator. After the demo's
 * transaction commits (its number exists by then); the webhooks go out in the background, retried until the platform
 * answers.
 */
@Component
@WhenSandboxEnabled
class DemoCustomers {

    private record Customer(String phone, String name, String text) {}

    private static final List<Customer> FIRST = List.of(
            new Customer("+919811122233", "Asha Rao", "Hi! Is the blue kurta available in size M?"),
            new Customer("+919822233344", "Vikram Shah", "What time do you open on Sunday?"),
            new Customer("+919833344455", "Meera Iyer", "I'd like 2 boxes of kaju katli for Saturday, can you deliver?"));

    private final SandboxRegistry registry;
    private final CustomerMessages customers;

    DemoCustomers(SandboxRegistry registry, CustomerMessages customers) {
        this.registry = registry;
        this.customers = customers;
    }

    @TransactionalEventListener
    void on(WorkspaceCreated created) {
        if (!created.demo()) {
            return;
        }
        registry.numbers(created.workspaceId()).stream().findFirst().ifPresent(number -> FIRST.forEach(customer ->
                customers.write(created.workspaceId(), customer.phone(),
                        InboundMessage.text(number.objectId(), customer.name(), customer.text()))));
    }
}
