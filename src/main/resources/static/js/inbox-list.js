// The inbox list pane: reloads itself (htmx) when a live event arrives, and the keyboard:
// j/k move, Enter open, e resolve, a assign to me, / search.
(function () {
    var focusedId = null;
    var timer = null;

    function pane() {
        return document.getElementById('inbox-pane');
    }

    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll('#inbox-list .inbox-row'));
    }

    function mark() {
        rows().forEach(function (row) {
            row.classList.toggle('focused', row.dataset.conversation === focusedId);
        });
    }

    var pending = false;

    function busy() {
        var active = document.activeElement;
        return active && active.closest && active.closest('#inbox-pane form, #inbox-pane details[open]');
    }

    function refresh() {
        var current = pane();
        if (!current || !window.htmx) {
            return;
        }
        if (busy()) {
            pending = true; // never pull the list from under someone typing or choosing: once they are done
            return;
        }
        pending = false;
        // Words typed into the search box but not searched yet are put back into the new pane's box.
        var search = document.getElementById('inbox-search');
        var typed = search && search.value !== search.defaultValue ? search.value : null;
        window.htmx.ajax('GET', current.dataset.refresh, {target: '#inbox-pane', swap: 'outerHTML'}).then(function () {
            var fresh = document.getElementById('inbox-search');
            if (typed !== null && fresh) {
                fresh.value = typed;
            }
        });
    }

    function later() {
        clearTimeout(timer);
        timer = setTimeout(refresh, 250); // a burst of events, one reload
    }

    document.addEventListener('inbox:event', later);
    // What arrived while someone was searching or had a row's actions open shows once they leave them.
    document.addEventListener('focusout', function () {
        if (pending) {
            later();
        }
    });
    document.addEventListener('toggle', function () {
        if (pending) {
            later();
        }
    }, true);
    document.addEventListener('htmx:afterSwap', mark);

    function move(step) {
        var all = rows();
        if (all.length === 0) {
            return;
        }
        var index = all.findIndex(function (row) { return row.dataset.conversation === focusedId; });
        index = index < 0 ? 0 : Math.min(all.length - 1, Math.max(0, index + step));
        focusedId = all[index].dataset.conversation;
        mark();
        all[index].scrollIntoView({block: 'nearest'});
    }

    function submit(action) {
        var row = rows().find(function (r) { return r.dataset.conversation === focusedId; });
        var form = row && row.querySelector('form[data-action="' + action + '"]');
        if (form) {
            form.submit();
        }
    }

    document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (event.ctrlKey || event.metaKey || event.altKey
                || target.matches && target.matches('input, textarea, select, [contenteditable]')) {
            return;
        }
        if (event.key === 'j') { move(1); }
        else if (event.key === 'k') { move(-1); }
        else if (event.key === 'e') { submit('resolve'); }
        else if (event.key === 'a') { submit('assign-me'); }
        else if (event.key === 'Enter' && focusedId) { window.location.href = '/app/inbox/' + focusedId; }
        else if (event.key === '/') {
            var search = document.getElementById('inbox-search');
            if (search) { event.preventDefault(); search.focus(); }
            return;
        } else { return; }
        event.preventDefault();
    });
})();
