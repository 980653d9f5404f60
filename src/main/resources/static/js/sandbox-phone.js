// The phone simulator: keeps the chat scrolled to the newest message, shows times in the phone's own zone (as
// a customer's phone does; the server knows only its own), clears the composer once a message went out, and shows
// why one did not. Everything else is htmx attributes in the markup.
(function () {
    function showChat() {
        var chat = document.getElementById('chat');
        if (chat) {
            chat.querySelectorAll('time[datetime]').forEach(function (time) {
                var at = new Date(time.getAttribute('datetime'));
                if (!isNaN(at.getTime())) {
                    time.textContent = at.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
                }
            });
            chat.scrollTop = chat.scrollHeight;
        }
    }

    document.addEventListener('DOMContentLoaded', showChat);
    document.body.addEventListener('htmx:afterSwap', showChat);

    document.body.addEventListener('htmx:afterRequest', function (event) {
        var form = event.detail.elt;
        var error = document.getElementById('compose-error');
        if (!form || form.id !== 'compose' || !error) {
            return;
        }
        if (event.detail.successful) {
            form.reset();
            document.getElementById('message-text').focus();
            error.hidden = true;
        } else {
            error.textContent = event.detail.xhr.responseText || 'The message could not be sent.';
            error.hidden = false;
        }
    });
})();
