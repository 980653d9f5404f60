// The app's pages: a table wider than a phone scrolls inside its card; this makes such a table reachable with the
// keyboard (a tab stop), so it can be scrolled without a mouse. Run on load and after every htmx swap.
(function () {
    function focusableWhenScrolling() {
        document.querySelectorAll('.table, .table-scroll').forEach(function (box) {
            if (box.scrollWidth > box.clientWidth) {
                box.setAttribute('tabindex', '0');
            } else if (box.getAttribute('tabindex') === '0') {
                box.removeAttribute('tabindex');
            }
        });
    }

    document.addEventListener('DOMContentLoaded', focusableWhenScrolling);
    document.addEventListener('htmx:afterSettle', focusableWhenScrolling);
    window.addEventListener('resize', focusableWhenScrolling);
})();

// A secret shown once (an API key, an invitation or reset link): its Copy button copies it and says so. The
// clipboard API needs a secure context (https or localhost); elsewhere the text is selected for Ctrl+C instead.
(function () {
    document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('button[data-copy]');
        if (!button) {
            return;
        }
        var field = document.querySelector(button.dataset.copy);
        if (!field) {
            return;
        }
        field.select();
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(function () {
                button.textContent = 'Copied';
            }, function () {
                button.textContent = 'Press Ctrl+C';
            });
        } else {
            button.textContent = 'Press Ctrl+C';
        }
    });
})();
