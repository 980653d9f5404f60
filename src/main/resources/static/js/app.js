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
