// The phone simulator: keeps the chat scrolled to the newest message, clears the composer once a message
// went out, and shows why one did not. Everything else is htmx attributes in the markup.
(function () {
    function scrollChat() {
        var chat = document.getElementById('chat');
        if (chat) {
            chat.scrollTop = chat.scrollHeight;
        }
    }

    document.addEventListener('DOMContentLoaded', scrollChat);
    document.body.addEventListener('htmx:afterSwap', scrollChat);

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
