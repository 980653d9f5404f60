// The thread page: Enter sends (Shift+Enter is a new line), /shortcut expands a canned response, the newest message
// is in view, and a live event about this conversation redraws its latest stretch. The events come from
// inbox-live.js, which keeps the page's one EventSource and re-dispatches each on document as 'inbox:event'.
(function () {
    'use strict';
    var thread = document.getElementById('inbox-thread');
    if (!thread) {
        return;
    }
    var conversationId = thread.getAttribute('data-conversation-id');
    var messages = document.getElementById('thread-messages');
    var recent = document.getElementById('thread-recent');
    var reply = document.getElementById('composer-text');
    var sending = false;

    function cannedText(typed) {
        var match = /^\/([A-Za-z0-9_-]{1,32})$/.exec(typed.trim());
        if (!match) {
            return null;
        }
        var shortcut = match[1].toLowerCase();
        var picks = document.querySelectorAll('.canned-pick');
        for (var i = 0; i < picks.length; i++) {
            if (picks[i].getAttribute('data-shortcut') === shortcut) {
                return picks[i].getAttribute('data-text');
            }
        }
        return null;
    }

    function toBottom() {
        if (messages) {
            messages.scrollTop = messages.scrollHeight;
        }
    }

    if (reply) {
        reply.addEventListener('keydown', function (event) {
            if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.isComposing) {
                var expanded = cannedText(reply.value);
                if (expanded !== null) {
                    // The agent sees the canned text before it goes: the next Enter sends it.
                    event.preventDefault();
                    reply.value = expanded;
                    return;
                }
            }
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                if (reply.value.trim() !== '' && !sending) {
                    sending = true;
                    reply.form.requestSubmit();
                }
            }
        });
        // Ready to type, without scrolling the page past the thread to reach the box.
        reply.focus({preventScroll: true});
    }

    var picks = document.querySelectorAll('.canned-pick');
    for (var i = 0; i < picks.length; i++) {
        picks[i].addEventListener('click', function (event) {
            if (reply) {
                reply.value = event.currentTarget.getAttribute('data-text');
                reply.focus();
            }
        });
    }

    document.addEventListener('inbox:event', function (event) {
        var detail = event.detail || {};
        var data = detail.data || {};
        if (data.conversationId === conversationId && recent && window.htmx) {
            window.htmx.trigger(recent, 'inbox-refresh');
        }
    });

    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.target === recent) {
            toBottom();
        }
    });

    // The template picker: as many variables as the chosen template has, and its text as the customer will read it.
    var picker = document.getElementById('composer-template');
    var preview = document.getElementById('template-preview');
    function previewTemplate() {
        var option = picker.options[picker.selectedIndex];
        var body = option ? option.getAttribute('data-body') : null;
        var count = 3;
        if (body) {
            count = 0;
            body.replace(/\{\{\s*(\d+)\s*}}/g, function (all, n) { count = Math.max(count, +n); return all; });
        }
        var labels = document.querySelectorAll('#template-form [data-variable]');
        for (var k = 0; k < labels.length; k++) {
            var shown = +labels[k].getAttribute('data-variable') <= count;
            labels[k].hidden = !shown;
            labels[k].querySelector('input').disabled = !shown;
        }
        if (preview) {
            preview.textContent = body ? body.replace(/\{\{\s*(\d+)\s*}}/g, function (all, n) {
                var input = document.getElementById('template-value-' + n);
                return input && input.value ? input.value : all;
            }) : '';
        }
    }
    if (picker) {
        picker.addEventListener('change', previewTemplate);
        document.getElementById('template-form').addEventListener('input', previewTemplate);
        previewTemplate();
    }

    toBottom();
})();
