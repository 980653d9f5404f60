// The inbox's one live connection per page: opens ONE EventSource on /app/inbox/events (which also tells the
// platform this member is online) and re-dispatches every event on document as
// CustomEvent('inbox:event', {detail: {type, data}}); the list pane and the thread page listen to that.
(function () {
    if (window.inboxLive) {
        return;
    }
    var types = ['message.received', 'message.status', 'conversation.updated', 'note.added'];
    var source = new EventSource('/app/inbox/events');
    window.inboxLive = source;
    types.forEach(function (type) {
        source.addEventListener(type, function (event) {
            var data = null;
            try {
                data = JSON.parse(event.data);
            } catch (ignored) {
                return;
            }
            document.dispatchEvent(new CustomEvent('inbox:event', {detail: {type: type, data: data}}));
        });
    });
})();
