// The new-campaign form: only the audience's own fields show (a tag for "Contacts with a tag", the file and its
// consent basis for "A CSV file"); the server renders the same choice, so the form works without this script too.
(function () {
    var who = document.getElementById('audience');
    if (!who) {
        return;
    }
    function show() {
        document.querySelectorAll('[data-audience]').forEach(function (fields) {
            fields.hidden = fields.dataset.audience !== who.value;
        });
    }
    who.addEventListener('change', show);
    show();
})();
