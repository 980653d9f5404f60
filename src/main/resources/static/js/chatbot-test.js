// The flow editor's test panel: chats with the draft through /app/chatbot/flows/{id}/test. Nothing is sent to
// WhatsApp; the state of the pretend conversation lives here and travels with each message. Messages go one after
// the other: one typed before the previous reply came waits for it, so it carries the state that reply left (a
// question waiting for its answer) and not the state from before.
(function () {
    'use strict';
    var panel = document.getElementById('test-panel');
    if (!panel) {
        return;
    }
    var url = panel.getAttribute('data-test-url');
    var chat = document.getElementById('test-chat');
    var effects = document.getElementById('test-effects');
    var form = document.getElementById('test-form');
    var input = document.getElementById('test-text');
    var state = null;
    var previous = Promise.resolve();

    function headers() {
        var all = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
        try {
            var csrf = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
            Object.keys(csrf).forEach(function (name) { all[name] = csrf[name]; });
        } catch (ignored) { /* no token: the server refuses, and says so */ }
        return all;
    }

    function bubble(text, who) {
        var line = document.createElement('div');
        line.className = 'test-bubble ' + who;
        line.textContent = text;
        chat.appendChild(line);
        return line;
    }

    function show(reply) {
        var line = bubble(reply.text, 'bot');
        if (reply.options && reply.options.length) {
            var choices = document.createElement('div');
            choices.className = 'test-options';
            reply.options.forEach(function (title, i) {
                var button = document.createElement('button');
                button.type = 'button';
                button.className = 'secondary test-option';
                button.textContent = title;
                button.addEventListener('click', function () { send(title, reply.optionIds[i]); });
                choices.appendChild(button);
            });
            line.appendChild(choices);
        }
    }

    function send(text, choiceId) {
        if (text) {
            bubble(text, 'customer');
        }
        previous = previous.then(function () { return exchange(text, choiceId); });
        return previous;
    }

    function exchange(text, choiceId) {
        return fetch(url, { method: 'POST', headers: headers(), credentials: 'same-origin',
            body: JSON.stringify({ text: text || null, choiceId: choiceId || null, state: state }) })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('The test could not run (' + response.status + ').');
                }
                return response.json();
            })
            .then(function (run) {
                run.replies.forEach(show);
                run.effects.forEach(function (effect) {
                    var item = document.createElement('li');
                    item.textContent = effect;
                    effects.appendChild(item);
                });
                state = run.state;
                if (run.handedOff) {
                    bubble('(handed off: the bot stops here)', 'note');
                }
                chat.scrollTop = chat.scrollHeight;
            })
            .catch(function (error) { bubble(error.message, 'note'); });
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        var text = input.value.trim();
        if (text) {
            input.value = '';
            send(text, null);
        }
    });
    document.getElementById('test-restart').addEventListener('click', function () {
        previous = previous.then(function () {
            state = null;
            chat.textContent = '';
            effects.textContent = '';
        });
        send(null, null);
    });
    send(null, null);
}());
